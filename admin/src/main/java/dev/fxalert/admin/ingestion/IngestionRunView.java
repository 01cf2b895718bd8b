package dev.fxalert.admin.ingestion;

import dev.fxalert.admin.stats.AdminStats;

import java.time.Duration;
import java.util.List;

/** The body of {@code POST /admin/ingestion/run}: the run's report with ISO-8601 times. */
public record IngestionRunView(String startedAt, String finishedAt, long durationMillis, int eventsPublished,
                               int eventsUnpublished, List<AdminStats.ProviderStatus> providers) {

    public static IngestionRunView of(IngestionReport report) {
        return new IngestionRunView(report.startedAt().toString(), report.finishedAt().toString(),
                Duration.between(report.startedAt(), report.finishedAt()).toMillis(),
                report.eventsPublished(), report.eventsUnpublished(),
                report.providers().stream().map(run -> AdminStats.ProviderStatus.of(run, report.ranAt(run))).toList());
    }
}
