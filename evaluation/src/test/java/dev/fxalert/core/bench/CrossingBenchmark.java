package dev.fxalert.core.bench;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.port.AlertStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How much of the store one rate event reads: findCrossed against a full scan, for growing N.
 * Run: see docs/performance.md. Prints a Markdown table; it is a benchmark, not a test.
 *
 * <p>N alerts spread over 20 pairs, half ABOVE (thresholds up to 5% over the pair's current rate), half BELOW
 * (up to 5% under), so none is crossed at the current rate. The evaluated rate is the K-th lowest ABOVE
 * threshold of the first pair, so it crosses about K alerts.
 */
public final class CrossingBenchmark {

    static final int PAIRS = 20;
    static final int TARGET_CROSSED = 100;
    static final int ALERTS_PER_USER = 50;
    static final String[] CODES = {"USD", "EUR", "JPY", "GBP", "CHF", "CAD", "AUD", "CNY", "HKD", "SGD", "KRW"};

    /** One adapter under measurement: a store plus its way of counting what a query and a full scan read. */
    public interface Subject extends AutoCloseable {
        String name();

        AlertStore alerts();

        /** Items the store read to answer findCrossed(pair, rate). */
        long itemsReadByFindCrossed(CurrencyPair pair, BigDecimal rate);

        /** Reads every alert and keeps those the rate crosses; returns {items read, crossed}. */
        long[] fullScan(CurrencyPair pair, BigDecimal rate);

        /** Issue 14: items the store read to answer findMoved(pair, window, move). */
        long itemsReadByFindMoved(CurrencyPair pair, Duration window, BigDecimal move);

        /** Issue 14: reads every alert and keeps the move alerts the move fires; returns {items read, fired}. */
        long[] fullScanMoves(CurrencyPair pair, Duration window, BigDecimal move);

        @Override
        void close();
    }

    public record Row(String adapter, int n, int crossed, long queryItems, double queryMs, long scanItems,
                      double scanMs, double loadSeconds) {
        String markdown() {
            return String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %.2f | %,d | %.1f | %,.0f | %,.0f | %.0f |",
                    adapter, n, crossed, queryItems, queryMs, scanItems, scanMs,
                    (double) scanItems / Math.max(1, queryItems), scanMs / Math.max(0.001, queryMs), loadSeconds);
        }
    }

    static final String HEADER = "| adapter | N alerts | crossed (k) | items read: findCrossed | findCrossed ms "
            + "| items read: full scan | full scan ms | items ratio | time ratio | load s |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    static List<CurrencyPair> pairs() {
        List<CurrencyPair> pairs = new ArrayList<>();
        for (int i = 0; i < CODES.length && pairs.size() < PAIRS; i++) {
            for (int j = 0; j < CODES.length && pairs.size() < PAIRS; j++) {
                if (i != j) {
                    pairs.add(CurrencyPair.of(CODES[i], CODES[j]));
                }
            }
        }
        return pairs;
    }

    /** Loads n alerts through the store's own create(); returns the rate that crosses about TARGET_CROSSED. */
    static BigDecimal load(AlertStore store, int n, Instant now) {
        Random random = new Random(42);
        List<CurrencyPair> pairs = pairs();
        List<BigDecimal> firstPairAbove = new ArrayList<>();
        BigDecimal current = new BigDecimal("1400");
        for (int i = 0; i < n; i++) {
            CurrencyPair pair = pairs.get(i % PAIRS);
            boolean above = (i / PAIRS) % 2 == 0;
            double offset = 0.0001 + random.nextDouble() * 0.05;
            BigDecimal threshold = current.multiply(BigDecimal.valueOf(above ? 1 + offset : 1 - offset))
                    .setScale(4, RoundingMode.HALF_UP);
            if (i % PAIRS == 0 && above) {
                firstPairAbove.add(threshold);
            }
            String user = "user-" + (i / ALERTS_PER_USER);
            store.create(Alert.create(String.format(Locale.ROOT, "%08d", i), new Owner(user, i / ALERTS_PER_USER),
                    pair, above ? Direction.ABOVE : Direction.BELOW, threshold, AlertMode.REARM, null, now));
        }
        firstPairAbove.sort(BigDecimal::compareTo);
        return firstPairAbove.get(Math.min(TARGET_CROSSED, firstPairAbove.size()) - 1);
    }

    static Row measure(Subject subject, int n) {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        long loadStart = System.nanoTime();
        BigDecimal rate = load(subject.alerts(), n, now);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        CurrencyPair pair = pairs().get(0);

        // Warm up both paths, then take the best of a few runs: we measure the access path, not the JIT.
        int crossed = 0;
        double queryMs = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            crossed = subject.alerts().findCrossed(pair, rate).size();
            queryMs = Math.min(queryMs, (System.nanoTime() - start) / 1e6);
        }
        long queryItems = subject.itemsReadByFindCrossed(pair, rate);

        double scanMs = Double.MAX_VALUE;
        long scanItems = 0;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            long[] scan = subject.fullScan(pair, rate);
            scanMs = Math.min(scanMs, (System.nanoTime() - start) / 1e6);
            scanItems = scan[0];
            if (scan[1] != crossed) {
                throw new IllegalStateException("full scan found " + scan[1] + " crossed, findCrossed " + crossed);
            }
        }
        return new Row(subject.name(), n, crossed, queryItems, queryMs, scanItems, scanMs, loadSeconds);
    }

    // issue 14: percent-move rows (branch move14)

    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    static final String MOVE_HEADER = "| adapter | N move alerts | fired (k) | items read: findMoved | findMoved ms "
            + "| items read: full scan | full scan ms | items ratio | load s |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    public record MoveRow(String adapter, int n, int fired, long queryItems, double queryMs, long scanItems,
                          double scanMs, double loadSeconds) {
        String markdown() {
            return String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %.2f | %,d | %.1f | %,.0f | %.0f |",
                    adapter, n, fired, queryItems, queryMs, scanItems, scanMs,
                    (double) scanItems / Math.max(1, queryItems), loadSeconds);
        }
    }

    /**
     * Loads n percent-move alerts through create(): spread over 20 pairs, windows 24h and 7d, ways UP, DOWN and
     * EITHER in turn, percents 0.01%..5%. Returns the move on the first pair's 24h window that fires about
     * TARGET_CROSSED of them (a rise fires UP and EITHER alerts up to its size).
     */
    static BigDecimal loadMoves(AlertStore store, int n, Instant now) {
        Random random = new Random(42);
        List<CurrencyPair> pairs = pairs();
        List<BigDecimal> firstPairRising = new ArrayList<>();
        MoveWay[] ways = MoveWay.values();
        for (int i = 0; i < n; i++) {
            CurrencyPair pair = pairs.get(i % PAIRS);
            Duration window = (i / PAIRS) % 2 == 0 ? DAY : WEEK;
            MoveWay way = ways[(i / (2 * PAIRS)) % ways.length];
            BigDecimal percent = BigDecimal.valueOf(1 + random.nextInt(500), 2);
            if (i % PAIRS == 0 && window.equals(DAY) && way != MoveWay.DOWN) {
                firstPairRising.add(percent);
            }
            String user = "user-" + (i / ALERTS_PER_USER);
            store.create(Alert.createMove(String.format(Locale.ROOT, "%08d", i), new Owner(user, i / ALERTS_PER_USER),
                    pair, new Move(way, window), percent, AlertMode.REARM, null, now));
        }
        firstPairRising.sort(BigDecimal::compareTo);
        return firstPairRising.get(Math.min(TARGET_CROSSED, firstPairRising.size()) - 1);
    }

    static MoveRow measureMoves(Subject subject, int n) {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        long loadStart = System.nanoTime();
        BigDecimal move = subject instanceof EmbeddedSubject embedded ? embedded.bulkLoadMoves(n)
                : loadMoves(subject.alerts(), n, now);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        CurrencyPair pair = pairs().get(0);

        int fired = 0;
        double queryMs = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            fired = subject.alerts().findMoved(pair, DAY, move).size();
            queryMs = Math.min(queryMs, (System.nanoTime() - start) / 1e6);
        }
        long queryItems = subject.itemsReadByFindMoved(pair, DAY, move);
        double scanMs = Double.MAX_VALUE;
        long scanItems = 0;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            long[] scan = subject.fullScanMoves(pair, DAY, move);
            scanMs = Math.min(scanMs, (System.nanoTime() - start) / 1e6);
            scanItems = scan[0];
            if (scan[1] != fired) {
                throw new IllegalStateException("full scan found " + scan[1] + " fired, findMoved " + fired);
            }
        }
        return new MoveRow(subject.name(), n, fired, queryItems, queryMs, scanItems, scanMs, loadSeconds);
    }

    private CrossingBenchmark() {
    }
}
