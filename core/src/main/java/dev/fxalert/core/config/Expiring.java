package dev.fxalert.core.config;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Computes a value on first use and again once it is older than a time to live, so a value that changes at its
 * source (a rotated secret) reaches a long-lived process within that time. A failed computation is not kept: with
 * no value yet it fails the caller, with an older value that value is served and the next call tries again (a
 * Secrets Manager hiccup must neither poison the container nor fail requests the old value still serves).
 */
final class Expiring<T> implements Supplier<T> {

    private final Supplier<T> computation;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private T value;
    private long computedAt;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}; a manual one in tests) */
    Expiring(Supplier<T> computation, Duration ttl, LongSupplier nanoTime) {
        this.computation = computation;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (value != null && now - computedAt < ttlNanos) {
            return value;
        }
        try {
            value = computation.get();
            computedAt = now;
        } catch (RuntimeException e) {
            if (value == null) {
                throw e;
            }
        }
        return value;
    }
}
