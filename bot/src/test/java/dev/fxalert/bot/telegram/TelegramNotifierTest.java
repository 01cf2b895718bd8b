package dev.fxalert.bot.telegram;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramNotifierTest {

    private final FakeBotApi api = new FakeBotApi();
    private final TelegramNotifier notifier = new TelegramNotifier(new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl()));

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void sendsPlainTextWithInlineButtons() {
        DeliveryResult result = notifier.send(new OutgoingMessage(42L, "USD/KRW is 1,401",
                List.of(List.of(new OutgoingMessage.Button("Pause", "a:pause:k3m9x2qa")))));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        FakeBotApi.Call call = api.calls("sendMessage").get(0);
        assertThat(call.body().path("chat_id").asText()).isEqualTo("42");
        assertThat(call.body().path("text").asText()).isEqualTo("USD/KRW is 1,401");
        assertThat(call.body().has("parse_mode")).as("plain text: notes cannot break formatting").isFalse();
        assertThat(call.body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("a:pause:k3m9x2qa");
    }

    @Test
    void tooManyRequestsSaysHowLongToWait() {
        api.failSendMessageWith("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                + "\"parameters\":{\"retry_after\":7}}");

        assertThat(notifier.send(OutgoingMessage.text(42L, "hi"))).isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(7)));
    }

    @Test
    void aBlockedBotMeansTheRecipientIsGone() {
        api.failSendMessageWith("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");

        assertThat(notifier.send(OutgoingMessage.text(42L, "hi"))).isInstanceOf(DeliveryResult.RecipientGone.class);
    }

    @Test
    void aMissingChatMeansTheRecipientIsGone() {
        api.failSendMessageWith("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

        assertThat(notifier.send(OutgoingMessage.text(42L, "hi"))).isInstanceOf(DeliveryResult.RecipientGone.class);
    }

    @Test
    void aServerErrorIsAFailureToRetryLater() {
        api.failSendMessageWith("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");

        assertThat(notifier.send(OutgoingMessage.text(42L, "hi"))).isInstanceOf(DeliveryResult.Failed.class);
    }
}
