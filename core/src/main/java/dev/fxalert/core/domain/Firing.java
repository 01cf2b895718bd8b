package dev.fxalert.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Why an alert fired: the rate event that crossed it. While an alert carries a firing whose push has not been
 * accepted by Telegram yet, that firing is its pending push (the outbox).
 *
 * @param base for a percent-move alert (issue 14), the rate one window before that the move is measured
 *             against; null for a threshold alert. For an {@link #expiryNotice expiry notice}, null too.
 */
public record Firing(String eventId, BigDecimal rate, String provider, Instant observedAt, Instant firedAt,
                     BigDecimal base) {

    /** The provider an expiry notice carries: it was no rate event, and its push says the alert expired. */
    public static final String EXPIRY = "expiry";

    public Firing(String eventId, BigDecimal rate, String provider, Instant observedAt, Instant firedAt) {
        this(eventId, rate, provider, observedAt, firedAt, null);
    }

    public Firing {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(firedAt, "firedAt");
        rate = Numbers.normalize(rate);
        base = base == null ? null : Numbers.normalize(base);
    }

    /** A percent-move firing: {@code rate} against {@code base}, the rate one window before. */
    public static Firing ofMove(String eventId, Rate rate, BigDecimal base, Instant firedAt) {
        return new Firing(eventId, rate.value(), rate.provider(), rate.observedAt(), firedAt,
                Objects.requireNonNull(base, "base"));
    }

    /**
     * The owner's notice that {@code alert} expired, recorded as its pending push so the outbox delivers it once
     * (issue 14). It carries no rate event: the rate is the last firing's, or the threshold, only to fill the field.
     */
    public static Firing expiryNotice(Alert alert, Instant at) {
        BigDecimal rate = alert.lastFiring() != null ? alert.lastFiring().rate() : alert.threshold();
        return new Firing("expired-" + alert.id(), rate, EXPIRY, at, at);
    }

    public boolean isExpiryNotice() {
        return EXPIRY.equals(provider) && eventId.startsWith("expired-");
    }

    /** The signed move in percent of a percent-move firing ({@link Move#percentChange}); null otherwise. */
    public BigDecimal movePercent() {
        return base == null ? null : Move.percentChange(base, rate);
    }

    public static Firing of(String eventId, Rate rate, Instant firedAt) {
        return new Firing(eventId, rate.value(), rate.provider(), rate.observedAt(), firedAt);
    }
}
