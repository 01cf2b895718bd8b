package dev.fxalert.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Why an alert fired: the rate event that crossed it. While an alert carries a firing whose push has not been
 * accepted by Telegram yet, that firing is its pending push (the outbox).
 */
public record Firing(String eventId, BigDecimal rate, String provider, Instant observedAt, Instant firedAt) {
    public Firing {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(firedAt, "firedAt");
        rate = Numbers.normalize(rate);
    }

    public static Firing of(String eventId, Rate rate, Instant firedAt) {
        return new Firing(eventId, rate.value(), rate.provider(), rate.observedAt(), firedAt);
    }
}
