package dev.fxalert.admin.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The admin API's view of one ingestion run; the wiring maps ingestion's own summary to it, so this module needs no
 * ingestion code.
 *
 * @param eventsPublished   rate events that reached the bus
 * @param eventsUnpublished rate events the bus refused after retries
 */
public record IngestionReport(Instant startedAt, Instant finishedAt, List<ProviderRun> providers, int eventsPublished,
                              int eventsUnpublished) {
    public IngestionReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        providers = List.copyOf(providers);
    }
}
