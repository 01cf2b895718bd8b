package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Published rates per pair (kept about 400 days) and which pairs people asked about. */
public interface RateHistory {

    /**
     * Appends a published rate; appending the same event id twice keeps one entry (the event was delivered again).
     * Every event id names one publication, so the same value published again later is a new entry.
     */
    void append(Rate rate, String eventId);

    /** The most recently observed mid rate of the pair (the last appended among equal observation times). */
    default Optional<Rate> latest(CurrencyPair pair) {
        return latestEntry(pair).map(Entry::rate);
    }

    /** The most recently observed rate of this kind of the pair (a bank's rates are series of their own). */
    default Optional<Rate> latest(CurrencyPair pair, RateKind kind) {
        return latestEntry(pair, kind).map(Entry::rate);
    }

    /** {@link #latest} with the id of the event that appended it: the next publication of the pair chains on it. */
    default Optional<Entry> latestEntry(CurrencyPair pair) {
        return latestEntry(pair, RateKind.MID);
    }

    /** The latest entry of one kind of the pair; each kind's publications chain on their own kind's. */
    Optional<Entry> latestEntry(CurrencyPair pair, RateKind kind);

    /** Mid rates of the pair observed at or after {@code since}, newest first, at most {@code limit}. */
    List<Rate> recent(CurrencyPair pair, Instant since, int limit);

    // --- charts (issue 16) ---

    /**
     * Every rate of the pair observed at or after {@code from} and before {@code to}, oldest first (rates observed
     * at the same instant in append order): a chart's series. One range read by key on every store, never a scan.
     */
    List<Rate> between(CurrencyPair pair, Instant from, Instant to);

    /**
     * The rate the pair had at {@code at}: the latest entry observed at or before it (the last appended among
     * equal observation times), or empty when the history does not reach back that far (issue 14: the base of a
     * percent move).
     */
    Optional<Rate> atOrBefore(CurrencyPair pair, Instant at);

    /** Someone asked about this pair (e.g. /rate): ingestion fetches it for a while even without alerts. */
    void recordInterest(CurrencyPair pair, Instant at);

    Set<CurrencyPair> pairsOfInterestSince(Instant since);

    /** One appended rate and the event that published it. */
    record Entry(Rate rate, String eventId) {
        public Entry {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(eventId, "eventId");
        }
    }
}
