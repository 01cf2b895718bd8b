package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * watchedPairs() runs once per ingestion run: its cost must not grow with the number of alerts. Checked on the
 * adapter's own statement ({@link EmbeddedAlertStore#WATCHED_PAIRS_SQL}), not a copy, with H2's EXPLAIN ANALYZE,
 * which counts the rows each step read.
 */
class EmbeddedWatchedPairsPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void watchedPairsReadsRowsPerPairNotPerAlert() {
        Path file = dir.resolve("plan.db");
        try (EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(file, 50), Clock.fixed(NOW, ZoneOffset.UTC))) {
            stores.alerts().create(Alert.create("aaaaaaaa", new Owner("u1", 1L), CurrencyPair.of("USD", "KRW"),
                    Direction.ABOVE, new BigDecimal("1400"), AlertMode.ONCE, null, NOW));
            stores.alerts().create(Alert.create("bbbbbbbb", new Owner("u1", 1L), CurrencyPair.of("EUR", "USD"),
                    Direction.ABOVE, new BigDecimal("1.2"), AlertMode.ONCE, null, NOW));
            stores.alerts().pause("u1", "bbbbbbbb");
            JdbcConnectionPool pool = JdbcConnectionPool.create(EmbeddedStores.jdbcUrl(file), "fxalert", "");
            try {
                Jdbc jdbc = new Jdbc(pool);
                // 20,000 more armed USD/KRW alerts and 20,000 paused EUR/USD ones, written in bulk.
                for (String[] bulk : new String[][]{{"USD/KRW", "ARMED", "k"}, {"EUR/USD", "PAUSED", "e"}}) {
                    jdbc.update("INSERT INTO alerts (id, user_id, chat_id, pair, direction, threshold, mode, state, "
                            + "rearm_band, rearm_boundary, created_at, fire_count, push_pending) "
                            + "SELECT CONCAT(?, X), 'u2', 2, ?, 'ABOVE', 1400, 'ONCE', ?, 0, 1400, ?, 0, FALSE "
                            + "FROM SYSTEM_RANGE(1, 20000)", bulk[2], bulk[0], bulk[1], NOW);
                }

                assertThat(stores.alerts().watchedPairs()).containsExactly(CurrencyPair.of("USD", "KRW"));
                String plan = jdbc.queryOne("EXPLAIN ANALYZE " + EmbeddedAlertStore.WATCHED_PAIRS_SQL,
                        row -> row.getString(1)).orElseThrow();
                long rowsRead = 0;
                Matcher counts = SCAN_COUNT.matcher(plan);
                while (counts.find()) {
                    rowsRead += Long.parseLong(counts.group(1));
                }
                assertThat(rowsRead).as(plan).isPositive().isLessThan(20);
            } finally {
                pool.dispose();
            }
        }
    }
}
