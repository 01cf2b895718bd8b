package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sends one message through the Bot API's {@code sendMessage} and translates Telegram's answer:
 * 429 to {@link DeliveryResult.RetryAfter}, a chat that can never receive (403 blocked/deactivated/kicked,
 * 400 chat not found) to {@link DeliveryResult.RecipientGone}, anything else to {@link DeliveryResult.Failed}.
 */
public final class TelegramNotifier implements Notifier {

    /** When Telegram says 429 without retry_after (it normally does not), wait this long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final TelegramClient client;

    public TelegramNotifier(TelegramClient client) {
        this.client = client;
    }

    /** A notifier on its own OkHttp client with the configured timeouts; the token is never logged. */
    public static TelegramNotifier create(String botToken, TelegramApiConfig config) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .callTimeout(config.requestTimeout())
                .readTimeout(config.requestTimeout())
                .build();
        return create(http, botToken, config);
    }

    public static TelegramNotifier create(OkHttpClient http, String botToken, TelegramApiConfig config) {
        TelegramUrl url = new TelegramUrl(config.baseUrl().getScheme(), config.baseUrl().getHost(), config.port(), false);
        return new TelegramNotifier(new OkHttpTelegramClient(http, botToken, url));
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        try {
            client.execute(toSendMessage(message));
            return DeliveryResult.delivered();
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException e) {
            return new DeliveryResult.Failed("request failed: " + describe(e));
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed("request failed: " + e);
        }
    }

    static SendMessage toSendMessage(OutgoingMessage message) {
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.text());
        if (!message.buttons().isEmpty()) {
            List<InlineKeyboardRow> rows = message.buttons().stream()
                    .map(row -> new InlineKeyboardRow(row.stream()
                            .map(button -> InlineKeyboardButton.builder()
                                    .text(button.label())
                                    .callbackData(button.callbackData())
                                    .build())
                            .toList()))
                    .toList();
            builder.replyMarkup(new InlineKeyboardMarkup(rows));
        }
        return builder.build();
    }

    private static DeliveryResult classify(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String description = e.getApiResponse() == null ? describe(e) : e.getApiResponse();
        if (code == null) {
            return new DeliveryResult.Failed("unreadable answer: " + describe(e));
        }
        if (code == 429) {
            ResponseParameters parameters = e.getParameters();
            Integer seconds = parameters == null ? null : parameters.getRetryAfter();
            return new DeliveryResult.RetryAfter(seconds == null || seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds));
        }
        if (code == 403 || code == 400 && description.toLowerCase(Locale.ROOT).contains("chat not found")) {
            return new DeliveryResult.RecipientGone(code + " " + description);
        }
        return new DeliveryResult.Failed(code + " " + description);
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause();
        return cause == null ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }
}
