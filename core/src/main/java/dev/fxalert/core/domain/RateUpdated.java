package dev.fxalert.core.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The event ingestion publishes once per pair and evaluation consumes (detail-type {@code RateUpdated}).
 *
 * @param eventId      names one publication: the same for a re-run of ingestion or a redelivery of this event,
 *                     different for the same value published again later (see {@link #eventIdOf})
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

    /** The first publication of a pair: nothing published before it to chain on. */
    public static RateUpdated of(Rate rate, BigDecimal previousRate) {
        return of(rate, previousRate, null);
    }

    /** @param previousEventId the id of the event whose rate is the pair's latest in the history, or null for none */
    public static RateUpdated of(Rate rate, BigDecimal previousRate, String previousEventId) {
        return new RateUpdated(SCHEMA_VERSION, eventIdOf(rate, previousEventId), rate.pair(), rate.value(),
                rate.provider(), rate.observedAt(), previousRate);
    }

    /**
     * Identifies a publication, not a value: the quote (pair, value, provider, observation time) chained on the
     * event it follows in the pair's history. Ingestion publishing the same quote on the same history again (the
     * append after a publish failed) gives the same id, so consumers tell it once; the rate going back to a value it
     * had earlier the same provider day (A, B, A) follows a different event and gets a new id, so a real second
     * crossing is told again. Ids cannot repeat along a chain without a hash collision.
     */
    public static String eventIdOf(Rate rate, String previousEventId) {
        String key = rate.pair() + "|" + rate.value().toPlainString() + "|" + rate.provider() + "|" + rate.observedAt()
                + "|" + (previousEventId == null ? "" : previousEventId);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Rate toRate() {
        return new Rate(pair, rate, provider, observedAt);
    }
}
