package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.port.OutgoingMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One pending push: the message for the firing {@code eventId} of {@code alertId}.
 *
 * @param firedAt    when evaluation fired the alert (seconds after the rate event was published); the event-to-push
 *                   lag is measured from it, not from the rate's observation time, which for a daily reference rate
 *                   (the ECB's 16:00 CET) is hours before anyone could have been told
 * @param attempts   sending rounds this push already failed (the outbox's count); bounds how often it is tried
 * @param grouped    further outbox entries this one message delivers (a quiet-hours summary, issue 15): the sender
 *                   settles each of them exactly as it settles this push ({@link #entries()}); empty for a push
 *                   of one alert
 */
public record Push(String alertId, String userId, String eventId, Instant firedAt, OutgoingMessage message,
                   int attempts, List<Entry> grouped) {

    /** One outbox entry: the pending push of {@code alertId} for its firing {@code eventId}. */
    public record Entry(String alertId, String eventId) {
        public Entry {
            Objects.requireNonNull(alertId, "alertId");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /** A push of one alert. */
    public Push(String alertId, String userId, String eventId, Instant firedAt, OutgoingMessage message,
                int attempts) {
        this(alertId, userId, eventId, firedAt, message, attempts, List.of());
    }

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
        grouped = List.copyOf(grouped);
    }

    /** Every outbox entry this message delivers: its own first, then the {@link #grouped()} ones. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>(grouped.size() + 1);
        all.add(new Entry(alertId, eventId));
        all.addAll(grouped);
        return all;
    }

    public long chatId() {
        return message.chatId();
    }

    /** Identifies the push across concurrent senders: one alert fires at most once per event. */
    String key() {
        return alertId + "|" + eventId;
    }
}
