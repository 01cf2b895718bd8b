package dev.fxalert.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The project's one exponential backoff: the wait after the {@code n}-th failure is {@code first * 2^(n-1)}, capped
 * at {@code cap}. Provider retries add jitter ({@link #withJitter}) so callers that failed together do not retry
 * together; delivery uses the plain value, because its send slots already spread the retries.
 */
public record Backoff(Duration first, Duration cap) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        if (first.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff delays cannot be negative");
        }
    }

    /** The wait after failure number {@code failures} (1-based; 0 or less counts as the first). */
    public Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && !wait.isZero() && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /** {@link #after} of which a random half is kept: between half and all of it. */
    public Duration withJitter(int failures, RandomGenerator random) {
        long capped = after(failures).toMillis();
        long half = capped / 2;
        long jitter = half == 0 ? 0 : random.nextLong(half + 1);
        return Duration.ofMillis(capped - half + jitter);
    }
}
