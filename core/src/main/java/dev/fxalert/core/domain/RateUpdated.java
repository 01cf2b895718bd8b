package dev.fxalert.core.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The event ingestion publishes once per pair and evaluation consumes (detail-type {@code RateUpdated}).
 *
 * @param eventId      deterministic for the same quote, so a re-run of ingestion or a redelivery is recognised
 * @param previousRate the rate published before this one, or null for the first
 */
public record RateUpdated(int schemaVersion, String eventId, CurrencyPair pair, BigDecimal rate, String provider,
                          Instant observedAt, BigDecimal previousRate) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SOURCE = "fx-alert.ingestion";
    public static final String DETAIL_TYPE = "RateUpdated";

    public RateUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(observedAt, "observedAt");
        if (rate.signum() <= 0) {
            throw new InvalidInputException("rate must be positive");
        }
        rate = Numbers.normalize(rate);
        previousRate = previousRate == null ? null : Numbers.normalize(previousRate);
    }

    public static RateUpdated of(Rate rate, BigDecimal previousRate) {
        return new RateUpdated(SCHEMA_VERSION, eventIdOf(rate), rate.pair(), rate.value(), rate.provider(),
                rate.observedAt(), previousRate);
    }

    /** Same pair, value, provider and observation time give the same id. */
    public static String eventIdOf(Rate rate) {
        String key = rate.pair() + "|" + rate.value().toPlainString() + "|" + rate.provider() + "|" + rate.observedAt();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Rate toRate() {
        return new Rate(pair, rate, provider, observedAt);
    }
}
