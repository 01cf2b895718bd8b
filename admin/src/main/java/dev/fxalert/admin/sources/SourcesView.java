package dev.fxalert.admin.sources;

import java.util.List;

/**
 * The body of {@code GET /admin/sources}: what the bot's /sources says, per provider in failover order. Times are
 * ISO-8601 strings (null when unknown), so both runtimes write the same JSON.
 */
public record SourcesView(String generatedAt, List<Source> sources) {

    /**
     * @param kind          how it publishes: {@code ECB_REFERENCE}, {@code KOREAEXIM_BASE}, {@code HOURLY},
     *                      {@code DAILY} or {@code UNKNOWN}
     * @param currencies    how many currencies it quotes
     * @param newestTableAt observation time of the newest rate held from it (its last successful table, among the
     *                      pairs watched or asked about); null when none is held
     * @param nextUpdateAt  when a newer table can first exist; null when unknown
     * @param failingSince  when its overdue table was due, once more than the grace period late; null when it is not
     *                      failing
     */
    public record Source(String name, String kind, int currencies, String newestTableAt, String nextUpdateAt,
                         String failingSince) {
    }
}
