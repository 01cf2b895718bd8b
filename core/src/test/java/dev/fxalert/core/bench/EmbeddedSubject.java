package dev.fxalert.core.bench;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.h2.jdbcx.JdbcConnectionPool;

import java.math.BigDecimal;
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

    private long scanCount(String sql, CurrencyPair pair, BigDecimal rate) {
        try (Connection connection = probe.getConnection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            statement.setString(1, pair.toString());
            statement.setBigDecimal(2, rate);
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
