package dev.fxalert.bot.local;

import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.ProviderRun;
import dev.fxalert.ingestion.IngestionSummary;

/**
 * Ingestion's run summary in the admin API's terms (the admin module knows no ingestion code), for both runtimes: the
 * local app's ingestion trigger and the webhook Lambda's, which reads the summary the ingestion Lambda returned.
 */
public final class IngestionReports {

    private IngestionReports() {
    }

    /** A provider the run did not call is reported at the run's start. */
    public static IngestionReport of(IngestionSummary summary) {
        return new IngestionReport(summary.startedAt(), summary.finishedAt(),
                summary.providers().stream()
                        .map(run -> new ProviderRun(run.provider(),
                                run.lastCalledAt() == null ? summary.startedAt() : run.lastCalledAt(),
                                run.pairs(), run.rejectedQuotes(), run.error()))
                        .toList(),
                summary.published(), summary.unpublished());
    }
}
