package dev.fxalert.ingestion;

import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import dev.fxalert.ingestion.guard.RejectionReason;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts what happens during one run (or one lookup) and turns it into an {@link IngestionSummary}. */
final class RunStats {

    private final Map<String, ProviderCounts> providers = new LinkedHashMap<>();
    private final Map<RejectionReason, Integer> rejected = new EnumMap<>(RejectionReason.class);
    private int providerErrors;

    RunStats(List<String> providerNames) {
        providerNames.forEach(name -> providers.put(name, new ProviderCounts()));
    }

    void called(String provider, Instant startedAt, long elapsedMillis, String error) {
        ProviderCounts counts = counts(provider);
        counts.calls++;
        counts.lastCalledAt = startedAt;
        counts.elapsedMillis += elapsedMillis;
        if (error != null) {
            counts.error = error;
            providerErrors++;
        }
    }

    void rejected(String provider, RejectionReason reason) {
        rejected.merge(reason, 1, Integer::sum);
        counts(provider).rejectedQuotes++;
    }

    void trusted(String provider) {
        counts(provider).pairs++;
    }

    IngestionSummary summary(Instant startedAt, Instant finishedAt, int pairsRequested, int pairsFetched,
                             int published, int unchanged, int unpublished) {
        List<ProviderRun> runs = providers.entrySet().stream()
                .map(e -> new ProviderRun(e.getKey(), e.getValue().lastCalledAt, e.getValue().elapsedMillis,
                        e.getValue().calls, e.getValue().pairs, e.getValue().rejectedQuotes, e.getValue().error))
                .toList();
        return new IngestionSummary(startedAt, finishedAt, pairsRequested, pairsFetched, published, unchanged,
                unpublished, rejected, providerErrors, runs);
    }

    private ProviderCounts counts(String provider) {
        return providers.computeIfAbsent(provider, name -> new ProviderCounts());
    }

    private static final class ProviderCounts {
        Instant lastCalledAt;
        long elapsedMillis;
        int calls;
        int pairs;
        int rejectedQuotes;
        String error;
    }
}
