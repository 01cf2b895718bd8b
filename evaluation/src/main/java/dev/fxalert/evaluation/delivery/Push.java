package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.OutgoingMessage;

import java.time.Instant;
import java.util.Objects;

/**
 * One pending push: the message for the firing {@code eventId} of {@code alertId}.
 *
 * @param firedAt    when evaluation fired the alert (seconds after the rate event was published); the event-to-push
 *                   lag is measured from it, not from the rate's observation time, which for a daily reference rate
 *                   (the ECB's 16:00 CET) is hours before anyone could have been told
 * @param attempts   sending rounds this push already failed (the outbox's count); bounds how often it is tried
 */
public record Push(String alertId, String userId, String eventId, Instant firedAt, OutgoingMessage message,
                   int attempts) {

    /** A push never tried before. */
    public Push(String alertId, String userId, String eventId, Instant firedAt, OutgoingMessage message) {
        this(alertId, userId, eventId, firedAt, message, 0);
    }

    public Push {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(firedAt, "firedAt");
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
