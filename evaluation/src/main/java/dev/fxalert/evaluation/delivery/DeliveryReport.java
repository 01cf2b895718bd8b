package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.DeliveryResult;

import java.time.Duration;
import java.time.Instant;

/**
 * One send attempt and what Telegram said.
 *
 * @param attempt 1 for the first attempt of this push in this round
 * @param sentAt  when Telegram answered the request (accepted it, for a delivered push), or the attempt gave up
 */
public record DeliveryReport(Push push, DeliveryResult result, int attempt, Instant sentAt) {

    /** From the firing to Telegram's answer: how long delivery took (for a sweep's re-send, since the first firing). */
    public Duration eventToPushLag() {
        return Duration.between(push.firedAt(), sentAt);
    }
}
