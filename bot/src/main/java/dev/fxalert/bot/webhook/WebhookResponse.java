package dev.fxalert.bot.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

import java.util.Optional;

/**
 * What the webhook answers Telegram's HTTP call with: a status and, with a 200, perhaps one Bot API method as the
 * JSON body, which Telegram executes as if the bot had called it ({@code {"method":"sendmessage","chat_id":...}};
 * Telegram reports that call's outcome to no one). The one owner of that body's format: the method is written by
 * TelegramBots' own Jackson annotations on its method types, with a plain {@link ObjectMapper} as its client writes
 * a call's body (the {@code method} property, unset parameters left out), so a reply in the response and a reply
 * sent as a call carry the same JSON.
 *
 * @param body the JSON of the method to execute; empty for none
 */
public record WebhookResponse(int status, Optional<String> body) {

    public static final String CONTENT_TYPE = "application/json";

    private static final Logger log = LoggerFactory.getLogger(WebhookResponse.class);
    /** As OkHttpTelegramClient writes a call: its default mapper, the methods' annotations decide the rest. */
    private static final ObjectMapper METHODS = new ObjectMapper();

    public static WebhookResponse status(int status) {
        return new WebhookResponse(status, Optional.empty());
    }

    /** A 200 that acknowledges the update, carrying {@code call} (if any) for Telegram to execute. */
    public static WebhookResponse acknowledging(Optional<BotApiMethod<?>> call) {
        return call.map(WebhookResponse::calling).orElseGet(() -> status(200));
    }

    private static WebhookResponse calling(BotApiMethod<?> call) {
        try {
            return new WebhookResponse(200, Optional.of(METHODS.writeValueAsString(call)));
        } catch (JsonProcessingException e) {
            // Not expected for the Bot API's own types; the reply is then lost as a failed sendMessage would be,
            // and the update still acknowledged (Telegram would otherwise redeliver it again and again).
            log.error("Could not write the {} reply into the webhook response", call.getMethod(), e);
            return status(200);
        }
    }
}
