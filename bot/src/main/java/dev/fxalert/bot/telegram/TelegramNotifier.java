package dev.fxalert.bot.telegram;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.Locale;

/** Sends one message with Telegram's sendMessage and says what happened, in core's terms. One attempt only. */
public final class TelegramNotifier implements Notifier {

    private final TelegramClient client;

    public TelegramNotifier(TelegramClient client) {
        this.client = client;
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        try {
            client.execute(TelegramMessages.sendMessage(message));
            return DeliveryResult.delivered();
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException e) {
            return new DeliveryResult.Failed(e.getMessage());
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed(e.toString());
        }
    }

    static DeliveryResult classify(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? String.valueOf(e.getMessage()) : e.getApiResponse();
        if (code == 429) {
            Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new DeliveryResult.RetryAfter(Duration.ofSeconds(seconds == null ? 1 : seconds));
        }
        String lower = description.toLowerCase(Locale.ROOT);
        // 403: blocked by the user or kicked; 400 for chats and users that no longer exist.
        if (code == 403 || lower.contains("chat not found") || lower.contains("user is deactivated")) {
            return new DeliveryResult.RecipientGone(code + " " + description);
        }
        return new DeliveryResult.Failed(code + " " + description);
    }
}
