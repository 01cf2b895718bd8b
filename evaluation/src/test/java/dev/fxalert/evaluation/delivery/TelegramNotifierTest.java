package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.evaluation.support.TelegramResponses;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramNotifierTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final long CHAT = 424242L;

    private final MockWebServer telegram = new MockWebServer();
    private TelegramNotifier notifier;

    @BeforeEach
    void start() throws IOException {
        telegram.start();
        URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
        // A generous request timeout: on a loaded machine a short one turned prompt answers into "unknown outcome".
        notifier = TelegramNotifier.create(TOKEN, new TelegramApiConfig(base, Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() throws IOException {
        telegram.shutdown();
    }

    private static OutgoingMessage messageWithButtons() {
        return new OutgoingMessage(CHAT, "USD/KRW is 1401", List.of(List.of(
                new OutgoingMessage.Button("Pause", "a:pause:k3m9x2qa"),
                new OutgoingMessage.Button("Delete", "a:delete:k3m9x2qa"))));
    }

    @Test
    void postsSendMessageWithTextAndInlineButtonsToTheBotPath() throws Exception {
        telegram.enqueue(TelegramResponses.sent(CHAT, 1));

        DeliveryResult result = notifier.send(messageWithButtons());

        assertThat(result).isEqualTo(DeliveryResult.delivered());
        RecordedRequest request = telegram.takeRequest(1, TimeUnit.SECONDS);
        // TelegramBots lower-cases method names ("sendmessage"); the Bot API treats them case-insensitively.
        assertThat(request.getPath()).isEqualToIgnoringCase("/bot" + TOKEN + "/sendMessage");
        String body = request.getUtf8Body();
        assertThat(body).contains("\"chat_id\":\"" + CHAT + "\"").contains("USD/KRW is 1401")
                .contains("\"callback_data\":\"a:pause:k3m9x2qa\"").contains("\"callback_data\":\"a:delete:k3m9x2qa\"")
                .doesNotContain("parse_mode");
    }

    @Test
    void tooManyRequestsBecomesRetryAfterTheSecondsTelegramAsked() {
        telegram.enqueue(TelegramResponses.tooManyRequests(7));

        assertThat(notifier.send(messageWithButtons())).isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(7)));
    }

    @Test
    void blockedBotDeactivatedUserAndMissingChatMeanTheRecipientIsGone() {
        telegram.enqueue(TelegramResponses.blockedByUser());
        telegram.enqueue(TelegramResponses.userDeactivated());
        telegram.enqueue(TelegramResponses.chatNotFound());

        assertThat(notifier.send(messageWithButtons())).isInstanceOf(DeliveryResult.RecipientGone.class)
                .extracting(r -> ((DeliveryResult.RecipientGone) r).reason()).asString().contains("blocked by the user");
        assertThat(notifier.send(messageWithButtons())).isInstanceOf(DeliveryResult.RecipientGone.class);
        assertThat(notifier.send(messageWithButtons())).isInstanceOf(DeliveryResult.RecipientGone.class);
    }

    @Test
    void serverErrorsAndGarbageAreFailuresToRetry() {
        telegram.enqueue(TelegramResponses.internalError());
        telegram.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));

        assertThat(notifier.send(messageWithButtons())).isInstanceOf(DeliveryResult.Failed.class)
                .extracting(r -> ((DeliveryResult.Failed) r).reason()).asString().contains("500");
        assertThat(notifier.send(messageWithButtons())).isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void permanentBadRequestsAreRejectedWithTelegramsReason() {
        List<String> permanent = List.of("not enough rights to send text messages to the chat", "message is too long",
                "message text is empty");
        permanent.forEach(text -> telegram.enqueue(TelegramResponses.badRequest(text)));

        for (String text : permanent) {
            assertThat(notifier.send(messageWithButtons())).isInstanceOf(DeliveryResult.Rejected.class)
                    .extracting(r -> ((DeliveryResult.Rejected) r).reason()).asString().contains("400").contains(text);
        }
    }

    @Test
    void anUpgradedGroupAnswersWithTheSupergroupToSendToInstead() {
        telegram.enqueue(TelegramResponses.groupUpgraded(-1001234567890L));

        assertThat(notifier.send(messageWithButtons())).isEqualTo(new DeliveryResult.ChatMigrated(-1001234567890L));
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsAnUnknownOutcomeAndIsNotRepeated() throws Exception {
        telegram.enqueue(TelegramResponses.sent(CHAT, 1).setHeadersDelay(2, TimeUnit.SECONDS));
        telegram.enqueue(TelegramResponses.sent(CHAT, 2));
        URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
        TelegramNotifier impatient = TelegramNotifier.create(TOKEN,
                new TelegramApiConfig(base, Duration.ofSeconds(2), Duration.ofMillis(300)));

        assertThat(impatient.send(messageWithButtons())).isInstanceOf(DeliveryResult.OutcomeUnknown.class);
        assertThat(telegram.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedAfterTheRequestWasWrittenIsAnUnknownOutcomeAndIsNotRepeated() throws Exception {
        telegram.enqueue(TelegramResponses.sent(CHAT, 1));
        telegram.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        telegram.enqueue(TelegramResponses.sent(CHAT, 2));
        telegram.enqueue(TelegramResponses.sent(CHAT, 3));

        assertThat(notifier.send(messageWithButtons())).isEqualTo(DeliveryResult.delivered());
        // The second send reuses the pooled connection, which is where OkHttp's retryOnConnectionFailure repeats.
        assertThat(notifier.send(messageWithButtons())).isInstanceOf(DeliveryResult.OutcomeUnknown.class);
        assertThat(telegram.getRequestCount()).as("OkHttp must not silently send it again").isEqualTo(2);
    }

    @Test
    void aRefusedConnectionNeverReachedTelegramSoItIsAPlainFailure() throws IOException {
        URI closed = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
        telegram.shutdown();
        TelegramNotifier offline = TelegramNotifier.create(TOKEN,
                new TelegramApiConfig(closed, Duration.ofSeconds(2), Duration.ofMillis(300)));

        assertThat(offline.send(messageWithButtons())).isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void refusesABaseUrlWithAPathOrAnotherScheme() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TelegramApiConfig.of(URI.create("https://api.telegram.org/bot1")))
                .hasMessageContaining("must not have a path");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TelegramApiConfig.of(URI.create("ftp://api.telegram.org")))
                .hasMessageContaining("http(s) URL");
        assertThat(TelegramApiConfig.fromEnvironment(java.util.Map.of()).baseUrl()).isEqualTo(TelegramApiConfig.DEFAULT_BASE_URL);
    }
}
