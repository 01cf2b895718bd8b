package dev.fxalert.ingestion;

import dev.fxalert.ingestion.guard.RejectionReason;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one ingestion run did; logged by the Lambda handler and shown by the admin API.
 *
 * @param pairsRequested pairs someone watches or asked about
 * @param pairsFetched   pairs for which a provider gave a trustworthy quote
 * @param published      events the bus accepted (and appended to the rate history)
 * @param unchanged      trustworthy quotes equal to the last published rate: no new information, not published
 * @param unpublished    events the bus did not accept after its retries; the next run publishes them again
 * @param rejected       rejected quotes by reason (a pair may have several, one per provider)
 * @param providerErrors failed provider calls (after retries)
 * @param providers      per provider, in chain order
 */
public record IngestionSummary(
        Instant startedAt,
        Instant finishedAt,
        int pairsRequested,
        int pairsFetched,
        int published,
        int unchanged,
        int unpublished,
        Map<RejectionReason, Integer> rejected,
        int providerErrors,
        List<ProviderRun> providers) {

    public IngestionSummary {
        EnumMap<RejectionReason, Integer> copy = new EnumMap<>(RejectionReason.class);
        copy.putAll(rejected);
        rejected = java.util.Collections.unmodifiableMap(copy);
        providers = List.copyOf(providers);
    }

    public int rejectedTotal() {
        return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /**
     * One provider's part in the run.
     *
     * @param lastCalledAt   when it was last called in this run, or null when it was not needed
     * @param elapsedMillis  time spent in its calls, retries included
     * @param calls          fetch calls (one per base currency it was asked for)
     * @param pairs          pairs whose published or unchanged rate came from it
     * @param rejectedQuotes its quotes the guards rejected
     * @param error          the last error of its calls in this run, or null
     */
    public record ProviderRun(String provider, Instant lastCalledAt, long elapsedMillis, int calls, int pairs,
                              int rejectedQuotes, String error) {
    }
}
