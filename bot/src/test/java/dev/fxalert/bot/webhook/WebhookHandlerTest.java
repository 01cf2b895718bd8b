package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda entry against a fake Bot API; the embedded store stands in for DynamoDB behind the same ports. */
class WebhookHandlerTest {

    private static final String SECRET = "s3cret-webhook-token";
    private static final long CHAT = 5150L;

    @TempDir
    Path dir;
    private FakeBotApi api;
    private EmbeddedStores stores;
    private WebhookHandler handler;

    @BeforeEach
    void wire() {
        api = new FakeBotApi();
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), Clock.systemUTC());
        handler = new WebhookHandler(WebhookWiring.webhook(Map.of(
                "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "TELEGRAM_API_URL", api.baseUrl(),
                // a first alert backfills its pair in the background: on loopback, never a real host
                "FRANKFURTER_BASE_URL", "http://127.0.0.1:9"), stores));
    }

    @AfterEach
    void close() throws Exception {
        stores.close();
        api.close();
    }

    private static APIGatewayV2HTTPEvent post(String path, String secret, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (secret != null) {
            headers.put("x-telegram-bot-api-secret-token", secret);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path).build())
                        .build())
                .build();
    }

    private int status(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return response.getStatusCode();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private APIGatewayV2HTTPResponse webhook(String update) {
        return handler.handleRequest(post("/telegram/webhook", SECRET, update), null);
    }

    @Test
    void aOneMessageCommandIsAnsweredInTheResponseBodyWithoutAnOutboundCall() {
        APIGatewayV2HTTPResponse response = webhook(FakeBotApi.messageUpdate(1, CHAT, "Jun", "/start"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode method = json(response.getBody());
        assertThat(method.path("method").asText()).isEqualToIgnoringCase("sendMessage");
        assertThat(method.path("chat_id").asText()).isEqualTo(String.valueOf(CHAT));
        assertThat(method.path("text").asText()).startsWith("Hi Jun! I watch exchange rates");
        assertThat(method.has("parse_mode")).as("plain text, unset parameters left out").isFalse();
        assertThat(api.calls("sendMessage")).as("no outbound round trip").isEmpty();
        assertThat(stores.users().findByChatId(CHAT)).isPresent();
    }

    @Test
    void inlineButtonsTravelInTheResponseAsReplyMarkup() {
        webhook(FakeBotApi.messageUpdate(1, CHAT, "Jun", "/start"));
        webhook(FakeBotApi.messageUpdate(2, CHAT, "Jun", "/alert USD KRW above 1400"));

        APIGatewayV2HTTPResponse response = webhook(FakeBotApi.messageUpdate(3, CHAT, "Jun", "/alerts"));

        JsonNode keyboard = json(response.getBody()).path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.isArray() && keyboard.size() > 0).as(response.getBody()).isTrue();
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isNotBlank();
        assertThat(api.calls("sendMessage")).isEmpty();
    }

    /**
     * Telegram redelivers after a timeout or a non-2xx: the response with the reply never reached it. The journal
     * marked the update once that response existed, so the redelivery is only acknowledged (TelegramUpdateHandler
     * #handleAndRespond: the reply is lost there, the command is not run twice).
     */
    @Test
    void aRedeliveredUpdateAlreadyAnsweredIsAcknowledgedWithoutASecondAnswer() {
        String update = FakeBotApi.messageUpdate(7, CHAT, "Jun", "/alert USD KRW above 1400");
        APIGatewayV2HTTPResponse first = webhook(update);
        assertThat(json(first.getBody()).path("text").asText()).startsWith("Alert ");

        APIGatewayV2HTTPResponse again = webhook(update);

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).as("acknowledged, nothing for Telegram to execute").isEmpty();
        assertThat(api.calls("sendMessage")).isEmpty();
        assertThat(stores.updateJournal().wasHandled("tg:7")).isTrue();
        assertThat(stores.alerts().listByOwner(stores.users().findByChatId(CHAT).orElseThrow().id())).hasSize(1);
    }

    @Test
    void aWrongSecretIsRefusedWith403AndNothingIsProcessed() {
        int status = status(post("/telegram/webhook", "guess", FakeBotApi.messageUpdate(1, CHAT, "Eve", "/start")));

        assertThat(status).isEqualTo(403);
        assertThat(api.calls("sendMessage")).isEmpty();
        assertThat(stores.users().findByChatId(CHAT)).isEmpty();
    }

    @Test
    void aMissingSecretIsRefusedWith403() {
        assertThat(status(post("/telegram/webhook", null, FakeBotApi.messageUpdate(1, CHAT, "Eve", "/start")))).isEqualTo(403);
        assertThat(api.calls("sendMessage")).isEmpty();
    }

    @Test
    void aBadUpdateIsLoggedAndStillAnswered200SoTelegramDoesNotResendIt() {
        assertThat(webhook("{not json").getBody()).isEmpty();
        assertThat(status(post("/telegram/webhook", SECRET, "{not json"))).isEqualTo(200);
        assertThat(status(post("/telegram/webhook", SECRET, ""))).isEqualTo(200);
        assertThat(api.calls("sendMessage")).isEmpty();
    }

    @Test
    void aBase64BodyIsDecoded() {
        APIGatewayV2HTTPEvent event = post("/telegram/webhook", SECRET, Base64.getEncoder().encodeToString(
                FakeBotApi.messageUpdate(2, CHAT, "Jun", "/help").getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response.getBody()).path("text").asText()).startsWith("Here is what I understand:");
    }

    @Test
    void aButtonPressIsAnsweredInTheResponseAndItsMessageSentAsACall() {
        String update = FakeBotApi.callbackUpdate(3, "cbq-9", CHAT, "Jun", "a:pause:k3m9x2qa");

        APIGatewayV2HTTPResponse response = webhook(update);
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode method = json(response.getBody());
        assertThat(method.path("method").asText()).isEqualToIgnoringCase("answerCallbackQuery");
        assertThat(method.path("callback_query_id").asText()).isEqualTo("cbq-9");
        assertThat(api.calls("answerCallbackQuery")).isEmpty();
        assertThat(api.sentTexts(CHAT)).containsExactly("I found no alert k3m9x2qa of yours. /alerts lists them.");
    }

    /**
     * Issue 14: guided creation and a press on a push through the webhook, each update handled by a handler built
     * afresh (a Lambda keeps nothing between invocations): the draft is in the store, and presses are answered with
     * answerCallbackQuery and an editMessageText of the pressed message.
     */
    @Test
    void guidedCreationAndPushButtonsWorkAcrossInvocations() {
        assertThat(status(freshHandler(), FakeBotApi.messageUpdate(20, CHAT, "Jun", "/alert"))).isEqualTo(200);
        assertThat(api.sentTexts(CHAT)).singleElement().asString().startsWith("New alert, step 1 of 3");

        assertThat(status(freshHandler(), FakeBotApi.callbackUpdate(21, "cbq-21", CHAT, "Jun", "n:p:USD/KRW")))
                .isEqualTo(200);
        assertThat(api.calls("answerCallbackQuery")).singleElement()
                .satisfies(call -> assertThat(call.body().path("callback_query_id").asText()).isEqualTo("cbq-21"));
        assertThat(api.calls("editMessageText")).singleElement().satisfies(call -> {
            assertThat(call.body().path("message_id").asInt()).isEqualTo(7);
            assertThat(call.body().path("text").asText()).startsWith("New alert on USD/KRW, step 2 of 3");
        });
        status(freshHandler(), FakeBotApi.messageUpdate(22, CHAT, "Jun", "above"));
        status(freshHandler(), FakeBotApi.messageUpdate(23, CHAT, "Jun", "1400"));

        String id = stores.alerts().listByOwner(stores.users().findByChatId(CHAT).orElseThrow().id()).get(0).id();
        assertThat(api.sentTexts(CHAT).get(api.sentTexts(CHAT).size() - 1)).startsWith("Alert " + id + " set: USD/KRW above 1,400");

        status(freshHandler(), FakeBotApi.callbackUpdate(24, "cbq-24", CHAT, "Jun", "p:up_1:" + id));
        assertThat(api.calls("answerCallbackQuery")).hasSize(2);
        assertThat(api.calls("editMessageText")).hasSize(2);
        assertThat(api.calls("editMessageText").get(1).body().path("text").asText())
                .endsWith("Moved the target of " + id + ": USD/KRW above 1,414, armed again.");
    }

    private WebhookHandler freshHandler() {
        return new WebhookHandler(WebhookWiring.webhook(Map.of(
                "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "TELEGRAM_API_URL", api.baseUrl(),
                // a first alert backfills its pair in the background: on loopback, never a real host
                "FRANKFURTER_BASE_URL", "http://127.0.0.1:9"), stores));
    }

    /** One update through a handler; Telegram runs the method its answer may carry, as it would. */
    private int status(WebhookHandler fresh, String update) {
        APIGatewayV2HTTPResponse response = fresh.handleRequest(post("/telegram/webhook", SECRET, update), null);
        api.runsWebhookAnswer(response.getBody());
        return response.getStatusCode();
    }

    @Test
    void otherPathsAreNotFound() {
        assertThat(status(post("/admin/alerts", SECRET, "{}"))).isEqualTo(404);
        assertThat(status(post("/", SECRET, "{}"))).isEqualTo(404);
    }
}
