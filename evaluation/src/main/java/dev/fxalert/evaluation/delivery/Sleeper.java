package dev.fxalert.evaluation.delivery;

import java.time.Duration;

/** Waits; injected so tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
            }
        };
    }
}
