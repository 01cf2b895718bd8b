package dev.fxalert.bot.local;

import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.ingestion.IngestionSummary;

/**
 * Ingestion's run summary as the admin API's report (the same provider runs), for both runtimes: the local app's
 * ingestion trigger and the webhook Lambda's, which reads the summary the ingestion Lambda returned.
 */
public final class IngestionReports {

    private IngestionReports() {
    }

    public static IngestionReport of(IngestionSummary summary) {
        return new IngestionReport(summary.startedAt(), summary.finishedAt(), summary.providers(),
                summary.published(), summary.unpublished());
    }
}
