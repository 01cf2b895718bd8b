package dev.fxalert.bot.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.core.log.LogCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.Map;

/**
 * The webhook's HTTP contract, free of Lambda types: {@code POST /telegram/webhook} with the right secret header
 * handles the update and answers 200, even when the update is bad (Telegram would otherwise resend it again and
 * again); a wrong or missing secret answers 403 and handles nothing; other paths answer 404.
 *
 * <p>A command with exactly one reply, or a button press's answerCallbackQuery, travels back in the 200's body
 * ({@link WebhookResponse}) instead of as an outbound call; the handled-updates journal marks the update once that
 * response exists ({@link TelegramUpdateHandler#handleAndRespond} says why that order and what a crash then costs).
 */
public final class TelegramWebhook {

    public static final String PATH = "/telegram/webhook";
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final WebhookSecret secret;
    private final TelegramUpdateHandler updates;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TelegramWebhook(String secret, TelegramUpdateHandler updates) {
        this.secret = new WebhookSecret(secret);
        this.updates = updates;
    }

    /** @return the HTTP status to answer and, with a 200, perhaps the one Bot API method for Telegram to execute */
    public WebhookResponse handle(String method, String path, Map<String, String> headers, String body) {
        // HTTP API stages other than $default prefix the path with the stage name.
        if (path == null || !(path.equals(PATH) || path.endsWith(PATH))) {
            return WebhookResponse.status(404);
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return WebhookResponse.status(405);
        }
        if (!secret.matches(header(headers, SECRET_HEADER))) {
            log.warn("Webhook call without the right secret header refused");
            return WebhookResponse.status(403);
        }
        Update update;
        try {
            update = json.readValue(body == null ? "" : body, Update.class);
        } catch (Exception e) {
            log.warn("Webhook body is not a Telegram update, ignored: {}", e.getMessage());
            return WebhookResponse.status(200);
        }
        if (update == null) {
            log.warn("Webhook body is empty, ignored");
            return WebhookResponse.status(200);
        }
        LogCorrelation.correlate(update.getUpdateId() == null ? null : String.valueOf(update.getUpdateId()));
        return updates.handleAndRespond(update, WebhookResponse::acknowledging);
    }

    /** API Gateway lower-cases header names; tests and other proxies may not. */
    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
