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

    /** Anything else (5xx, timeout, I/O): may be retried with backoff; the push stays pending meanwhile. */
    record Failed(String reason) implements DeliveryResult {
    }

    static DeliveryResult delivered() {
        return new Delivered();
    }
}
