package dev.fxalert.core.retry;

import java.time.Duration;

/**
 * Waits between attempts. Injected wherever code waits (provider retries, send pacing), so tests record the waits
 * or advance a manual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits; a zero or negative duration returns at once. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
            }
        };
    }
}
