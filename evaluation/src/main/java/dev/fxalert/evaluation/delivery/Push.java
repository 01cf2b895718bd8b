package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.OutgoingMessage;

import java.time.Instant;
import java.util.Objects;

/**
 * One pending push: the message for the firing {@code eventId} of {@code alertId}.
 *
 * @param observedAt when the rate that fired the alert was observed; the event-to-push lag is measured from it
 */
public record Push(String alertId, String userId, String eventId, Instant observedAt, OutgoingMessage message) {

    public Push {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(message, "message");
    }

    public long chatId() {
        return message.chatId();
    }

    /** Identifies the push across concurrent senders: one alert fires at most once per event. */
    String key() {
        return alertId + "|" + eventId;
    }
}
