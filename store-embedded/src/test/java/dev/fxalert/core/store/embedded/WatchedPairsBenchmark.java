package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import org.h2.jdbcx.JdbcConnectionPool;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * watchedPairs() at N alerts on H2: rows read (EXPLAIN ANALYZE scanCount, summed) and time of the adapter's own
 * statement, next to the scan it replaced. N alerts over 20 pairs (one in ten paused), bulk-inserted. Not a test.
 * <pre>
 * java -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench.cp)" \
 *     dev.fxalert.core.store.embedded.WatchedPairsBenchmark 1000000
 * </pre>
 */
public final class WatchedPairsBenchmark {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
    private static final String OLD_SCAN =
            "SELECT DISTINCT pair FROM alerts WHERE state IN ('ARMED', 'FIRED') ORDER BY pair";
    private static final List<String> PAIRS = List.of("USD/KRW", "EUR/USD", "USD/JPY", "GBP/USD", "USD/CHF",
            "AUD/USD", "USD/CAD", "NZD/USD", "EUR/JPY", "EUR/GBP", "USD/CNY", "USD/HKD", "USD/SGD", "USD/THB",
            "USD/VND", "USD/INR", "EUR/KRW", "JPY/KRW", "CNY/KRW", "USD/TWD");

    private WatchedPairsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempDirectory("watched-bench").resolve("bench.db");
        Instant now = Instant.now();
        try (EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(file, 50), Clock.systemUTC())) {
            for (String pair : PAIRS) { // registered the normal way, once per pair
                stores.alerts().create(Alert.create("r" + pair.replace("/", ""), new Owner("u0", 1L),
                        CurrencyPair.parse(pair), Direction.ABOVE, BigDecimal.ONE, AlertMode.ONCE, null, now));
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create(EmbeddedStores.jdbcUrl(file), "fxalert", "");
            try {
                Jdbc jdbc = new Jdbc(pool);
                long started = System.nanoTime();
                for (int p = 0; p < PAIRS.size(); p++) {
                    jdbc.update("INSERT INTO alerts (id, user_id, chat_id, pair, direction, threshold, mode, state, "
                            + "rearm_band, rearm_boundary, created_at, fire_count, push_pending) "
                            + "SELECT CONCAT(?, X), CONCAT('u', MOD(X, 50000)), MOD(X, 50000), ?, 'ABOVE', 1400, "
                            + "'ONCE', CASEWHEN(MOD(X, 10) = 0, 'PAUSED', 'ARMED'), 0, 1400, ?, 0, FALSE "
                            + "FROM SYSTEM_RANGE(1, ?)", "p" + p + "x", PAIRS.get(p), now, n / PAIRS.size());
                }
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                System.out.println("| statement | N alerts | pairs found | rows read (scanCount) | best of 5 ms |");
                System.out.println("|---|---:|---:|---:|---:|");
                for (String[] statement : new String[][]{{"watchedPairs (registry + seeks)",
                        EmbeddedAlertStore.WATCHED_PAIRS_SQL}, {"old: DISTINCT over ARMED/FIRED", OLD_SCAN}}) {
                    String plan = jdbc.queryOne("EXPLAIN ANALYZE " + statement[1], row -> row.getString(1)).orElseThrow();
                    long rows = 0;
                    Matcher counts = SCAN_COUNT.matcher(plan);
                    while (counts.find()) {
                        rows += Long.parseLong(counts.group(1));
                    }
                    double best = Double.MAX_VALUE;
                    int found = 0;
                    for (int run = 0; run < 5; run++) {
                        long t = System.nanoTime();
                        found = jdbc.query(statement[1], row -> row.getString(1)).size();
                        best = Math.min(best, (System.nanoTime() - t) / 1e6);
                    }
                    System.out.printf(Locale.ROOT, "| %s | %,d | %d | %,d | %.2f |%n", statement[0], n + PAIRS.size(),
                            found, rows, best);
                }
                System.out.printf(Locale.ROOT, "(bulk load %.1f s)%n", loadSeconds);
            } finally {
                pool.dispose();
            }
        }
    }
}
