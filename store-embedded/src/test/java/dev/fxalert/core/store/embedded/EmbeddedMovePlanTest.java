package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.CurrencyPair;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the percent-move and expiry reads cost what they return, not what is stored. Checked on the adapter's
 * own statements ({@link EmbeddedAlertStore#MOVED}, {@link EmbeddedAlertStore#MOVE_REARMABLE},
 * {@link EmbeddedAlertStore#EXPIRING}) with H2's EXPLAIN ANALYZE, which counts the rows each step read.
 */
class EmbeddedMovePlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
    private static final int N = 5_000;

    @TempDir
    Path dir;

    @Test
    void moveAndExpiryReadsReadAboutTheRowsTheyReturn() {
        Path file = dir.resolve("plan.db");
        try (EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(file, 50), Clock.fixed(NOW, ZoneOffset.UTC))) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(EmbeddedStores.jdbcUrl(file), "fxalert", "");
            try {
                Jdbc jdbc = new Jdbc(pool);
                // N armed 24h UP move alerts on USD/KRW, percents 0.01% apart from 0.01%; N fired 24h EITHER ones
                // re-arming under 0.01%..; N threshold alerts; N 7d DOWN ones. Each expires X minutes after NOW,
                // half of them already expired (expiry_due null).
                for (Object[] bulk : new Object[][]{{"u", "UP", 24, "ARMED"}, {"e", "EITHER", 24, "FIRED"},
                        {"d", "DOWN", 168, "ARMED"}}) {
                    jdbc.update("INSERT INTO alerts (id, user_id, chat_id, pair, direction, threshold, mode, state, "
                            + "rearm_band, rearm_boundary, created_at, fire_count, push_pending, move_way, "
                            + "move_window_hours, expires_at, expiry_due) "
                            + "SELECT CONCAT(?, X), 'u2', 2, 'USD/KRW', 'MOVE', X / 100.0, 'REARM', ?, X / 200.0, "
                            + "X / 200.0, ?, 0, FALSE, ?, ?, DATEADD(MINUTE, X, CAST(? AS TIMESTAMP(9) WITH TIME ZONE)), "
                            + "CASEWHEN(MOD(X, 2) = 0, DATEADD(MINUTE, X, CAST(? AS TIMESTAMP(9) WITH TIME ZONE)), NULL) FROM SYSTEM_RANGE(1, ?)",
                            bulk[0], bulk[3], NOW, bulk[1], bulk[2], NOW, NOW, N);
                }
                jdbc.update("INSERT INTO alerts (id, user_id, chat_id, pair, direction, threshold, mode, state, "
                        + "rearm_band, rearm_boundary, created_at, fire_count, push_pending) "
                        + "SELECT CONCAT('k', X), 'u2', 2, 'USD/KRW', 'ABOVE', 1400 + X, 'ONCE', 'ARMED', 0, 1400, ?, 0, "
                        + "FALSE FROM SYSTEM_RANGE(1, ?)", NOW, N);
                CurrencyPair pair = CurrencyPair.of("USD", "KRW");

                // A +1% move over 24h: the 100 UP alerts at 0.01%..1%.
                assertThat(stores.alerts().findMoved(pair, Duration.ofHours(24), new BigDecimal("1"))).hasSize(100);
                assertThat(rowsRead(jdbc, EmbeddedAlertStore.MOVED, "USD/KRW", 24, "UP", new BigDecimal("1")))
                        .isLessThanOrEqualTo(102);
                // The fired EITHER ones re-arm once the move is under their boundary (X / 200 %): the last 100.
                assertThat(rowsRead(jdbc, EmbeddedAlertStore.MOVE_REARMABLE, "USD/KRW", 24, "EITHER",
                        BigDecimal.valueOf(N - 100).divide(BigDecimal.valueOf(200)))).isLessThanOrEqualTo(102);
                // Expiring within the first 200 minutes: 100 of the 3 x 200, every second one still to expire.
                assertThat(stores.alerts().findExpiring(NOW.plus(Duration.ofMinutes(200)), 1000)).hasSize(300);
                assertThat(rowsRead(jdbc, EmbeddedAlertStore.EXPIRING, Instant.EPOCH, NOW.plus(Duration.ofMinutes(200)), 1000))
                        .isLessThanOrEqualTo(302);
            } finally {
                pool.dispose();
            }
        }
    }

    private static long rowsRead(Jdbc jdbc, String sql, Object... params) {
        String plan = jdbc.queryOne("EXPLAIN ANALYZE " + sql, row -> row.getString(1), params).orElseThrow();
        long rows = 0;
        Matcher counts = SCAN_COUNT.matcher(plan);
        while (counts.find()) {
            rows += Long.parseLong(counts.group(1));
        }
        assertThat(rows).as(plan).isPositive();
        return rows;
    }
}
