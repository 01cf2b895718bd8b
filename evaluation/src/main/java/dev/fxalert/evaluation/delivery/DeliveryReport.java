package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.DeliveryResult;

import java.time.Duration;
import java.time.Instant;

/**
 * One send attempt and what Telegram said.
 *
 * @param attempt 1 for the first attempt of this push in this round
 * @param sentAt  when the request was started
 */
public record DeliveryReport(Push push, DeliveryResult result, int attempt, Instant sentAt) {

    /** From the rate observation to this send: what a person waits for their push. */
    public Duration eventToPushLag() {
        return Duration.between(push.observedAt(), sentAt);
    }
}
