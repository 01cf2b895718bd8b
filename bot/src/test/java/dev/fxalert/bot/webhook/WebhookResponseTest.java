package dev.fxalert.bot.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.telegram.TelegramMessages;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The response body is TelegramBots' own JSON of the method: read back by TelegramBots, it is the same call. */
class WebhookResponseTest {

    private final ObjectMapper telegramBots = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void aReplyWithButtonsReadsBackAsTheSameSendMessage() throws Exception {
        SendMessage reply = TelegramMessages.reply(new OutgoingMessage(5150L, "Alert k3m9x2qa set.",
                List.of(List.of(new OutgoingMessage.Button("Pause", "a:pause:k3m9x2qa")))));

        WebhookResponse response = WebhookResponse.acknowledging(Optional.of(reply));

        assertThat(response.status()).isEqualTo(200);
        assertThat(telegramBots.readTree(response.body().orElseThrow()).path("method").asText()).isEqualTo("sendmessage");
        assertThat(telegramBots.readValue(response.body().orElseThrow(), SendMessage.class)).isEqualTo(reply);
    }

    @Test
    void aButtonAnswerReadsBackAsTheSameAnswerCallbackQuery() throws Exception {
        AnswerCallbackQuery answer = TelegramMessages.answer("cbq-9", "Paused");

        String body = WebhookResponse.acknowledging(Optional.of(answer)).body().orElseThrow();

        assertThat(telegramBots.readValue(body, AnswerCallbackQuery.class)).isEqualTo(answer);
    }

    @Test
    void nothingToExecuteIsAnEmpty200() {
        assertThat(WebhookResponse.acknowledging(Optional.empty())).isEqualTo(WebhookResponse.status(200));
    }
}
