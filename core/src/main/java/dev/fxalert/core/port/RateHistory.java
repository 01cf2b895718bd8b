package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Published rates per pair (kept about 400 days) and which pairs people asked about. */
public interface RateHistory {

    /** Appends a published rate; appending the same event id twice keeps one entry. */
    void append(Rate rate, String eventId);

    /** The most recently observed rate of the pair. */
    Optional<Rate> latest(CurrencyPair pair);

    /** Rates of the pair observed at or after {@code since}, newest first, at most {@code limit}. */
    List<Rate> recent(CurrencyPair pair, Instant since, int limit);

    /** Someone asked about this pair (e.g. /rate): ingestion fetches it for a while even without alerts. */
    void recordInterest(CurrencyPair pair, Instant at);

    Set<CurrencyPair> pairsOfInterestSince(Instant since);
}
