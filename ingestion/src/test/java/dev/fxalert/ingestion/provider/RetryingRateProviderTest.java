package dev.fxalert.ingestion.provider;

import dev.fxalert.core.port.RateProvider;
import dev.fxalert.core.port.RateProvider.FailureKind;
import dev.fxalert.core.port.RateProvider.FetchException;
import dev.fxalert.ingestion.retry.RetryPolicy;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingRateProviderTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150));

    @Test
    void retriesTimeoutsAndServerErrorsUpToTheLimitWithGrowingCappedWaits() {
        ScriptedProvider scripted = new ScriptedProvider(FailureKind.TIMEOUT, FailureKind.SERVER_ERROR, FailureKind.TIMEOUT);
        var retrying = new RetryingRateProvider(scripted, policy, sleeper, new Random(1));

        assertThatThrownBy(() -> retrying.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
        assertThat(scripted.calls).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void returnsTheFirstSuccess() {
        ScriptedProvider scripted = new ScriptedProvider(FailureKind.SERVER_ERROR);
        var retrying = new RetryingRateProvider(scripted, policy, sleeper, new Random(1));

        assertThat(retrying.fetch("USD", Set.of("KRW"))).isEmpty();
        assertThat(scripted.calls).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = FailureKind.class, names = {"RATE_LIMITED", "REJECTED", "MALFORMED_RESPONSE", "UNAVAILABLE"})
    void doesNotRetryWhatAskingAgainCannotFix(FailureKind kind) {
        ScriptedProvider scripted = new ScriptedProvider(kind);
        var retrying = new RetryingRateProvider(scripted, policy, sleeper, new Random(1));

        assertThatThrownBy(() -> retrying.fetch("USD", Set.of("KRW"))).isInstanceOf(FetchException.class);
        assertThat(scripted.calls).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void keepsEveryJitteredWaitWithinHalfAndAllOfTheBackoff() {
        RetryPolicy wide = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(5));
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long full = Math.min(200L << (attempt - 1), 5_000);
            for (int i = 0; i < 50; i++) {
                assertThat(wide.delayAfter(attempt, random).toMillis()).isBetween(full - full / 2, full);
            }
        }
    }

    /** Fails with the given kinds in turn, then answers with no quotes. */
    private static final class ScriptedProvider implements RateProvider {
        private final Deque<FailureKind> failures;
        int calls;

        ScriptedProvider(FailureKind... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public List<Quote> fetch(String base, Set<String> quotes) {
            calls++;
            FailureKind next = failures.poll();
            if (next != null) {
                throw new FetchException(name(), next, "scripted " + next);
            }
            return List.of();
        }
    }
}
