package dev.fxalert.core.bench;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.h2.jdbcx.JdbcConnectionPool;

import dev.fxalert.core.domain.MoveWay;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The H2 adapter; H2's EXPLAIN ANALYZE reports how many rows each query really read (scanCount). */
final class EmbeddedSubject implements CrossingBenchmark.Subject {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private final EmbeddedStores stores;
    private final JdbcConnectionPool probe;

    EmbeddedSubject(Path file) {
        this.stores = EmbeddedStores.open(new EmbeddedStoreConfig(file, CrossingBenchmark.ALERTS_PER_USER), Clock.systemUTC());
        this.probe = JdbcConnectionPool.create(EmbeddedStores.jdbcUrl(file), "fxalert", "");
    }

    @Override
    public String name() {
        return "embedded (H2)";
    }

    @Override
    public AlertStore alerts() {
        return stores.alerts();
    }

    /** The same two statements findCrossed runs, under EXPLAIN ANALYZE. */
    @Override
    public long itemsReadByFindCrossed(CurrencyPair pair, BigDecimal rate) {
        return scanCount("SELECT id FROM alerts WHERE pair = ? AND direction = 'ABOVE' AND state = 'ARMED' AND threshold <= ?", pair, rate)
                + scanCount("SELECT id FROM alerts WHERE pair = ? AND direction = 'BELOW' AND state = 'ARMED' AND threshold >= ?", pair, rate);
    }

    @Override
    public long[] fullScan(CurrencyPair pair, BigDecimal rate) {
        long read = 0;
        long crossed = 0;
        try (Connection connection = probe.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT pair, direction, state, threshold FROM alerts")) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                String pairText = pair.toString();
                while (rows.next()) {
                    read++;
                    if (pairText.equals(rows.getString(1)) && "ARMED".equals(rows.getString(3))
                            && Direction.valueOf(rows.getString(2)).isCrossedBy(rate, rows.getBigDecimal(4))) {
                        crossed++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new long[]{read, crossed};
    }

    /**
     * Issue 14: loads n percent-move alerts in bulk SQL (create() one by one takes hours at 10^6 on a loaded
     * machine; what is measured is the read path): the same layout as {@link CrossingBenchmark#loadMoves}, 20
     * pairs, windows 24h and 7d, ways UP, DOWN and EITHER in turn, percents 0.0001%..5% spread by a multiplicative
     * hash. Returns the move on the first pair's 24h window that fires about TARGET_CROSSED of them.
     */
    BigDecimal bulkLoadMoves(int n) {
        List<CurrencyPair> pairs = CrossingBenchmark.pairs();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", '").append(pairs.get(i)).append("')");
        }
        try (Connection connection = probe.getConnection()) {
            for (int from = 0; from < n; from += 50_000) {
                int to = Math.min(n, from + 50_000) - 1;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alerts (id, user_id, chat_id, "
                        + "pair, direction, threshold, mode, state, rearm_band, rearm_boundary, created_at, fire_count, "
                        + "push_pending, move_way, move_window_hours) "
                        + "SELECT LPAD(CAST(X AS VARCHAR), 8, '0'), CONCAT('user-', X / 50), X / 50, p.pair, 'MOVE', "
                        + "(1 + MOD(X * 7919, 50000)) / 10000.0, 'REARM', 'ARMED', (1 + MOD(X * 7919, 50000)) / 20000.0, "
                        + "(1 + MOD(X * 7919, 50000)) / 20000.0, CURRENT_TIMESTAMP, 0, FALSE, "
                        + "CASE MOD(X / 40, 3) WHEN 0 THEN 'UP' WHEN 1 THEN 'DOWN' ELSE 'EITHER' END, "
                        + "CASE MOD(X / 20, 2) WHEN 0 THEN 24 ELSE 168 END "
                        + "FROM SYSTEM_RANGE(?, ?) JOIN (VALUES " + values + ") AS p(i, pair) ON p.i = MOD(X, 20)")) {
                    insert.setInt(1, from);
                    insert.setInt(2, to);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement registry = connection.prepareStatement(
                    "MERGE INTO alert_move_windows (pair, window_hours) KEY (pair, window_hours) VALUES (?, ?)")) {
                for (CurrencyPair pair : pairs) {
                    for (int hours : new int[]{24, 168}) {
                        registry.setString(1, pair.toString());
                        registry.setInt(2, hours);
                        registry.executeUpdate();
                    }
                }
            }
            try (PreparedStatement kth = connection.prepareStatement("SELECT threshold FROM alerts WHERE pair = ? "
                    + "AND move_window_hours = 24 AND move_way IN ('UP', 'EITHER') AND state = 'ARMED' "
                    + "ORDER BY threshold LIMIT 1 OFFSET ?")) {
                kth.setString(1, pairs.get(0).toString());
                kth.setInt(2, CrossingBenchmark.TARGET_CROSSED - 1);
                try (ResultSet row = kth.executeQuery()) {
                    row.next();
                    return row.getBigDecimal(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issue 14: the statement findMoved runs per way the move fires (EmbeddedAlertStore.MOVED), EXPLAINed. */
    @Override
    public long itemsReadByFindMoved(CurrencyPair pair, Duration window, BigDecimal move) {
        long total = 0;
        for (MoveWay way : MoveWay.values()) {
            BigDecimal along = way.along(move);
            if (along.signum() > 0) {
                total += scanCount("SELECT id FROM alerts WHERE pair = ? AND move_window_hours = ? AND move_way = ? "
                        + "AND state = 'ARMED' AND threshold <= ?", pair.toString(), window.toHours(), way.name(), along);
            }
        }
        return total;
    }

    @Override
    public long[] fullScanMoves(CurrencyPair pair, Duration window, BigDecimal move) {
        long read = 0;
        long fired = 0;
        try (Connection connection = probe.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT pair, move_way, move_window_hours, state, threshold FROM alerts")) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                String pairText = pair.toString();
                while (rows.next()) {
                    read++;
                    String way = rows.getString(2);
                    if (way != null && pairText.equals(rows.getString(1)) && rows.getLong(3) == window.toHours()
                            && "ARMED".equals(rows.getString(4))
                            && MoveWay.valueOf(way).along(move).compareTo(rows.getBigDecimal(5)) >= 0) {
                        fired++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new long[]{read, fired};
    }

    private long scanCount(String sql, CurrencyPair pair, BigDecimal rate) {
        return scanCount(sql, pair.toString(), rate);
    }

    private long scanCount(String sql, Object... params) {
        try (Connection connection = probe.getConnection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet plan = statement.executeQuery()) {
                plan.next();
                Matcher m = SCAN_COUNT.matcher(plan.getString(1));
                long total = 0;
                while (m.find()) {
                    total += Long.parseLong(m.group(1));
                }
                return total;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        probe.dispose();
        stores.close();
    }
}
