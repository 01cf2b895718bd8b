package dev.fxalert.admin.stats;

import dev.fxalert.ingestion.IngestionSummary.ProviderRun;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /admin/stats}. Times are ISO-8601 strings and durations milliseconds, so the Lambda's plain
 * Jackson and Spring's configured one write the same JSON.
 */
public record AdminStats(String generatedAt, Users users, Map<String, Long> alerts, Pushes pushes, Ingestion ingestion) {

    /** @param blocked users who blocked the bot or whose chat is gone */
    public record Users(long active, long blocked) {
    }

    /**
     * @param pending        fired alerts whose push Telegram has not accepted yet (read from the store)
     * @param pendingCapped  true when there are at least {@code pending} and possibly more
     * @param observedBy     whose counts sent/failed/lag are: this process's journal, since its start
     */
    public record Pushes(long windowHours, long sent, long failed, long recipientGone, long pending, boolean pendingCapped,
                         Lag lag, String observedBy) {
    }

    /** Event-to-push lag of delivered pushes in the window; null values when there were none. */
    public record Lag(int samples, Long p50Millis, Long p95Millis, Long maxMillis) {
    }

    /** @param lastRunAt null when this process has not seen a run */
    public record Ingestion(String lastRunAt, List<ProviderStatus> providers) {
    }

    public record ProviderStatus(String provider, String at, int pairs, int rejectedQuotes, String error) {

        /** A provider's part in a run as the API shows it, for the stats and for {@code POST /admin/ingestion/run}. */
        public static ProviderStatus of(ProviderRun run, Instant ranAt) {
            return new ProviderStatus(run.provider(), ranAt.toString(), run.pairs(), run.rejectedQuotes(), run.error());
        }
    }
}
