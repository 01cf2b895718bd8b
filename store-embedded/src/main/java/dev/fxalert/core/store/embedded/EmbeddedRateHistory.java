package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.port.RateHistory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Published rates in H2, kept {@link #RETENTION} like the DynamoDB TTL; purged when the store opens. */
final class EmbeddedRateHistory implements RateHistory {

    static final Duration RETENTION = Duration.ofDays(400);

    private final Jdbc jdbc;
    private final Clock clock;

    EmbeddedRateHistory(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void append(Rate rate, String eventId) {
        // First append wins: a redelivered event keeps its place in the append order. Event ids name publications
        // (not values), so a value published again is a new row and becomes the latest.
        try {
            jdbc.update("INSERT INTO rate_history (event_id, appended, pair, rate_kind, rate, provider, observed_at) "
                            + "VALUES (?, NEXT VALUE FOR rate_history_seq, ?, ?, ?, ?, ?)",
                    eventId, rate.pair(), rate.kind().name(), rate.value(), rate.provider(), rate.observedAt());
        } catch (EmbeddedStoreException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Entry> latestEntry(CurrencyPair pair, RateKind kind) {
        return jdbc.queryOne("SELECT event_id, pair, rate_kind, rate, provider, observed_at FROM rate_history "
                        + "WHERE pair = ? AND rate_kind = ? ORDER BY observed_at DESC, appended DESC LIMIT 1",
                row -> new Entry(toRate(row), row.getString("event_id")), pair, kind.name());
    }

    @Override
    public Optional<Rate> atOrBefore(CurrencyPair pair, Instant at) {
        // One seek on rate_history_series_time, read backwards from at; a percent move is measured on the mid rate.
        return jdbc.queryOne("SELECT pair, rate_kind, rate, provider, observed_at FROM rate_history WHERE pair = ? "
                + "AND rate_kind = 'MID' AND observed_at <= ? ORDER BY observed_at DESC, appended DESC LIMIT 1", EmbeddedRateHistory::toRate,
                pair, at);
    }

    @Override
    public List<Rate> recent(CurrencyPair pair, Instant since, int limit) {
        return jdbc.query("SELECT pair, rate_kind, rate, provider, observed_at FROM rate_history WHERE pair = ? "
                + "AND rate_kind = 'MID' AND observed_at >= ? ORDER BY observed_at DESC, appended DESC LIMIT ?",
                EmbeddedRateHistory::toRate, pair, since, limit);
    }

    @Override
    public List<Rate> between(CurrencyPair pair, Instant from, Instant to) {
        // The (pair, rate_kind, observed_at) index makes this a range read; a chart shows the mid rate only.
        return jdbc.query("SELECT pair, rate_kind, rate, provider, observed_at FROM rate_history WHERE pair = ? "
                + "AND rate_kind = 'MID' "
                + "AND observed_at >= ? AND observed_at < ? ORDER BY observed_at, appended", EmbeddedRateHistory::toRate,
                pair, from, to);
    }

    @Override
    public void recordInterest(CurrencyPair pair, Instant at) {
        // Keep the latest time: an older record arriving late must not hide a newer one.
        int updated = jdbc.update("UPDATE pair_interest SET last_asked_at = GREATEST(last_asked_at, ?) WHERE pair = ?",
                at, pair);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO pair_interest (pair, last_asked_at) VALUES (?, ?)", pair, at);
            } catch (EmbeddedStoreException e) {
                if (!Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
                recordInterest(pair, at);
            }
        }
    }

    @Override
    public Set<CurrencyPair> pairsOfInterestSince(Instant since) {
        return new LinkedHashSet<>(jdbc.query("SELECT pair FROM pair_interest WHERE last_asked_at >= ? ORDER BY pair",
                row -> CurrencyPair.parse(row.getString(1)), since));
    }

    void purgeExpired() {
        jdbc.update("DELETE FROM rate_history WHERE observed_at < ?", clock.instant().minus(RETENTION));
    }

    private static Rate toRate(ResultSet row) throws SQLException {
        return new Rate(CurrencyPair.parse(row.getString("pair")), row.getBigDecimal("rate"),
                row.getString("provider"), Jdbc.instant(row, "observed_at"), RateKind.valueOf(row.getString("rate_kind")));
    }
}
