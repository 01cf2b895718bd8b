package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.OutgoingMessage;

import java.time.Instant;
import java.util.Objects;

/**
 * One pending push: the message for the firing {@code eventId} of {@code alertId}.
 *
 * @param observedAt when the rate that fired the alert was observed; the event-to-push lag is measured from it
 * @param attempts   sending rounds this push already failed (the outbox's count); bounds how often it is tried
 */
public record Push(String alertId, String userId, String eventId, Instant observedAt, OutgoingMessage message,
                   int attempts) {

    /** A push never tried before. */
    public Push(String alertId, String userId, String eventId, Instant observedAt, OutgoingMessage message) {
        this(alertId, userId, eventId, observedAt, message, 0);
    }

    public Push {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(message, "message");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    public long chatId() {
        return message.chatId();
    }

    /** Identifies the push across concurrent senders: one alert fires at most once per event. */
    String key() {
        return alertId + "|" + eventId;
    }
}
