package dev.fxalert.ingestion.retry;

import dev.fxalert.core.retry.Backoff;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded retries with exponential backoff and jitter: the wait before attempt {@code n + 1} is
 * {@code min(maxDelay, baseDelay * 2^(n-1))}, of which a random half is kept, so many callers that failed
 * together do not retry together.
 *
 * @param maxAttempts attempts in total, the first one included (1 means no retry)
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
    }

    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait after failed attempt {@code failedAttempt} (1-based), with jitter drawn from {@code random}. */
    public Duration delayAfter(int failedAttempt, RandomGenerator random) {
        return new Backoff(baseDelay, maxDelay).withJitter(failedAttempt, random);
    }
}
