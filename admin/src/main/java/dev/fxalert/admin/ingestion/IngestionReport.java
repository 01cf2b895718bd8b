package dev.fxalert.admin.ingestion;

import dev.fxalert.ingestion.IngestionSummary;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The admin API's view of one ingestion run: the part of ingestion's own summary the API shows, its provider runs
 * as the summary has them (one {@link ProviderRun} type for the runtimes' contract and the API).
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

    /**
     * Ingestion's summary as the API reports it, for both runtimes: the local app's trigger and the webhook Lambda's,
     * which reads the summary the ingestion Lambda returned (so this lives here, in the Lambda's jar, not in the
     * local app's wiring).
     */
    public static IngestionReport of(IngestionSummary summary) {
        return new IngestionReport(summary.startedAt(), summary.finishedAt(), summary.providers(),
                summary.published(), summary.unpublished());
    }

    /** When the API says a provider ran: its last call in this run, or the run's start when it was not needed. */
    public Instant ranAt(ProviderRun run) {
        return run.lastCalledAt() == null ? startedAt : run.lastCalledAt();
    }
}
