package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sends one message through the Bot API's {@code sendMessage} ({@code sendPhoto} for a picture), exactly one HTTP
 * request per call, and translates
 * Telegram's answer:
 * <ul>
 *   <li>429 to {@link DeliveryResult.RetryAfter} (Telegram's flood limit; it applies to the whole bot);</li>
 *   <li>a chat that can never receive (403 blocked/deactivated/kicked, 400 chat not found) to
 *       {@link DeliveryResult.RecipientGone};</li>
 *   <li>400 "group chat was upgraded" to {@link DeliveryResult.ChatMigrated} with {@code migrate_to_chat_id};</li>
 *   <li>any other 400 (no rights, message too long, ...) to {@link DeliveryResult.Rejected}: it will never pass;</li>
 *   <li>no answer after the request may have been written (timeout, connection dropped) to
 *       {@link DeliveryResult.OutcomeUnknown}: Telegram may have delivered it;</li>
 *   <li>5xx, or a request that certainly never left (connection refused, unknown host, connect timeout), to
 *       {@link DeliveryResult.Failed}.</li>
 * </ul>
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
        return create(httpClient(config), botToken, config);
    }

    /**
     * The HTTP client for every Bot API call that sends something. {@code retryOnConnectionFailure(false)}:
     * OkHttp would otherwise silently repeat a request whose connection dropped after it was written, which
     * Telegram may already have delivered (a duplicate the caller never hears of) and which bypasses pacing.
     */
    public static OkHttpClient httpClient() {
        return httpClient(TelegramApiConfig.of(TelegramApiConfig.DEFAULT_BASE_URL));
    }

    /** {@link #httpClient()} with the timeouts of {@code config}. */
    public static OkHttpClient httpClient(TelegramApiConfig config) {
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(config.connectTimeout())
                .callTimeout(config.requestTimeout())
                .readTimeout(config.requestTimeout())
                .build();
    }

    public static TelegramNotifier create(OkHttpClient http, String botToken, TelegramApiConfig config) {
        TelegramUrl url = new TelegramUrl(config.baseUrl().getScheme(), config.baseUrl().getHost(), config.port(), false);
        return new TelegramNotifier(new OkHttpTelegramClient(http, botToken, url));
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        try {
            if (message.hasPhoto()) {
                client.execute(toSendPhoto(message));
            } else {
                client.execute(toSendMessage(message));
            }
            return DeliveryResult.delivered();
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException e) {
            return neverSent(e)
                    ? new DeliveryResult.Failed("request not sent: " + describe(e))
                    : new DeliveryResult.OutcomeUnknown("no answer: " + describe(e));
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed("request failed: " + e);
        }
    }

    /** The Bot API call for one message; also what the webhook answers with when it replies in its HTTP response. */
    public static SendMessage toSendMessage(OutgoingMessage message) {
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.text());
        if (!message.buttons().isEmpty()) {
            builder.replyMarkup(keyboard(message));
        }
        return builder.build();
    }

    /**
     * A picture (charts, issue 16): {@code sendPhoto} as multipart/form-data with the bytes as the upload, the text
     * as its caption. A fresh stream per call, so a retried message uploads the whole picture again.
     */
    static SendPhoto toSendPhoto(OutgoingMessage message) {
        SendPhoto.SendPhotoBuilder<?, ?> builder = SendPhoto.builder()
                .chatId(message.chatId())
                .photo(new InputFile(new ByteArrayInputStream(message.photo().bytes()), message.photo().fileName()))
                .caption(message.text());
        if (!message.buttons().isEmpty()) {
            builder.replyMarkup(keyboard(message));
        }
        return builder.build();
    }

    /**
     * Issue 14: the message {@code messageId} of the chat rewritten to {@code message}'s text and buttons (no
     * buttons removes the keyboard), as a press on a push is answered. Sent by the bot's update handler.
     */
    public static EditMessageText toEditMessageText(long messageId, OutgoingMessage message) {
        EditMessageText.EditMessageTextBuilder<?, ?> builder = EditMessageText.builder()
                .chatId(message.chatId())
                .messageId(Math.toIntExact(messageId))
                .text(message.text());
        if (!message.buttons().isEmpty()) {
            builder.replyMarkup(keyboard(message));
        }
        return builder.build();
    }

    private static InlineKeyboardMarkup keyboard(OutgoingMessage message) {
        List<InlineKeyboardRow> rows = message.buttons().stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(button -> InlineKeyboardButton.builder()
                                .text(button.label())
                                .callbackData(button.callbackData())
                                .build())
                        .toList()))
                .toList();
        return new InlineKeyboardMarkup(rows);
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
        String lower = description.toLowerCase(Locale.ROOT);
        if (code == 403 || code == 400 && lower.contains("chat not found")) {
            return new DeliveryResult.RecipientGone(code + " " + description);
        }
        Long migrateTo = e.getParameters() == null ? null : e.getParameters().getMigrateToChatId();
        if (code == 400 && migrateTo != null) {
            return new DeliveryResult.ChatMigrated(migrateTo);
        }
        if (code == 400) {
            return new DeliveryResult.Rejected(code + " " + description);
        }
        return new DeliveryResult.Failed(code + " " + description);
    }

    /**
     * True only when the request certainly did not reach Telegram: the connection was never made. Anything else
     * (read timeout, call timeout, connection reset or closed after writing) may have been delivered.
     */
    static boolean neverSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
            if (cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage())
                    .toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause();
        return cause == null ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }
}
