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
 * @param previousRate the rate published before this one (of the same kind), or null for the first
 * @param kind         which rate of the pair ({@link RateKind}); each kind is its own series of events
 */
public record RateUpdated(int schemaVersion, String eventId, CurrencyPair pair, BigDecimal rate, String provider,
                          Instant observedAt, BigDecimal previousRate, RateKind kind) {

    /** The wire version of a mid rate's event, unchanged since before rate kinds (see RateUpdatedJson). */
    public static final int SCHEMA_VERSION = 1;
    /**
     * The wire version of a bank rate's event: it carries {@code kind}. A reader that only knows version 1 refuses
     * it (and it goes to the dead-letter queue) instead of taking a bank rate for the mid rate.
     */
    public static final int SCHEMA_VERSION_WITH_KIND = 2;
    public static final String SOURCE = "fx-alert.ingestion";
    public static final String DETAIL_TYPE = "RateUpdated";

    /** A mid rate's event. */
    public RateUpdated(int schemaVersion, String eventId, CurrencyPair pair, BigDecimal rate, String provider,
                       Instant observedAt, BigDecimal previousRate) {
        this(schemaVersion, eventId, pair, rate, provider, observedAt, previousRate, RateKind.MID);
    }

    public RateUpdated {
        Objects.requireNonNull(kind, "kind");
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
        return new RateUpdated(rate.kind() == RateKind.MID ? SCHEMA_VERSION : SCHEMA_VERSION_WITH_KIND,
                eventIdOf(rate, previousEventId), rate.pair(), rate.value(), rate.provider(), rate.observedAt(),
                previousRate, rate.kind());
    }

    /**
     * Identifies a publication, not a value: the quote (pair, value, provider, observation time) chained on the
     * event it follows in the pair's history. Ingestion publishing the same quote on the same history again (the
     * append after a publish failed) gives the same id, so consumers tell it once; the rate going back to a value it
     * had earlier the same provider day (A, B, A) follows a different event and gets a new id, so a real second
     * crossing is told again. Ids cannot repeat along a chain without a hash collision.
     */
    public static String eventIdOf(Rate rate, String previousEventId) {
        // The mid rate's key is what it was before kinds existed, so its ids did not change.
        String key = rate.kind().series(rate.pair()) + "|" + rate.value().toPlainString() + "|" + rate.provider() + "|" + rate.observedAt()
                + "|" + (previousEventId == null ? "" : previousEventId);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Rate toRate() {
        return new Rate(pair, rate, provider, observedAt, kind);
    }
}
