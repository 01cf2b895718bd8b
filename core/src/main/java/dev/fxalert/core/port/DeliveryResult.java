package dev.fxalert.core.port;

import java.time.Duration;

/** What happened to one send attempt. */
public sealed interface DeliveryResult {

    /** The chat accepted it; do not send again. */
    record Delivered() implements DeliveryResult {
    }

    /** Rate limited (HTTP 429 with retry_after): wait, then send the same message again. */
    record RetryAfter(Duration retryAfter) implements DeliveryResult {
    }

    /** The chat will never accept messages (blocked the bot, deactivated, chat not found): stop and deactivate. */
    record RecipientGone(String reason) implements DeliveryResult {
    }

    /**
     * Telegram refused this message for good (a 400 other than "chat not found": no rights in the chat, text too
     * long, ...): sending it again gets the same answer. The push ends with this reason.
     */
    record Rejected(String reason) implements DeliveryResult {
    }

    /** The group became a supergroup: the same message should go to {@code newChatId} (Telegram's migrate_to_chat_id). */
    record ChatMigrated(long newChatId) implements DeliveryResult {
    }

    /**
     * The request was written but no answer came (timeout, connection dropped): Telegram may or may not have
     * delivered it. Sending it again may duplicate it, so the caller decides by a documented rule, never silently.
     */
    record OutcomeUnknown(String reason) implements DeliveryResult {
    }

    /** The request certainly did not reach Telegram, or Telegram answered 5xx: may be retried with backoff. */
    record Failed(String reason) implements DeliveryResult {
    }

    static DeliveryResult delivered() {
        return new Delivered();
    }
}
