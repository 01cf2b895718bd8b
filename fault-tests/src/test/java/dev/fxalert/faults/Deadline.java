package dev.fxalert.faults;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/** Bounded waits on conditions: every wait in the suite ends, by success or by a deadline. */
final class Deadline {

    private static final long POLL_MS = 20;

    private Deadline() {
    }

    /** Polls until the condition holds; fails when the deadline passes. */
    static void await(String what, Duration atMost, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + atMost + " waiting for " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * Polls until the condition holds, or nothing has happened for {@code quiet} (by the millisecond time of the
     * last activity), or {@code atMost} passed; returns whether the condition held. The caller's assertions then
     * say what is missing, with counts, instead of a bare timeout.
     */
    static boolean settle(Duration atMost, Duration quiet, LongSupplier lastActivityMillis, Callable<Boolean> condition)
            throws Exception {
        long end = System.nanoTime() + atMost.toNanos();
        long started = System.currentTimeMillis();
        while (true) {
            if (condition.call()) {
                return true;
            }
            long lastActivity = Math.max(started, lastActivityMillis.getAsLong());
            if (System.nanoTime() > end || System.currentTimeMillis() - lastActivity > quiet.toMillis()) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
    }
}
