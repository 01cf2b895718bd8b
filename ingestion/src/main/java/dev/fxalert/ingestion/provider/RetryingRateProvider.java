package dev.fxalert.ingestion.provider;

import dev.fxalert.core.port.RateProvider;
import dev.fxalert.ingestion.retry.RetryPolicy;
import dev.fxalert.core.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Retries a provider call on timeouts and 5xx only, with backoff and jitter. Rejections, rate limits and malformed
 * answers are not retried: asking again right away would get the same answer or make the limit worse.
 */
public final class RetryingRateProvider extends ForwardingRateProvider {

    private static final Logger log = LoggerFactory.getLogger(RetryingRateProvider.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public RetryingRateProvider(RateProvider delegate, RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        super(delegate);
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public List<Quote> fetch(String base, Set<String> quotes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.fetch(base, quotes);
            } catch (FetchException e) {
                if (!e.kind().retryable() || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration wait = policy.delayAfter(attempt, random);
                log.info("{} attempt {}/{} failed ({}); retrying in {} ms", name(), attempt, policy.maxAttempts(),
                        e.getMessage(), wait.toMillis());
                pause(wait);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(name(), FailureKind.UNAVAILABLE, "interrupted while waiting to retry");
        }
    }
}
