package dev.fxalert.core.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2));

    @Test
    void doublesPerFailureUpToTheCap() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void noFailureYetCountsAsTheFirst() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void zeroStaysZeroWithoutLooping() {
        assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(1)).after(Integer.MAX_VALUE)).isZero();
    }

    @Test
    void jitterKeepsBetweenHalfAndAllOfTheWait() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.withJitter(3, random)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
    }

    @Test
    void refusesNegativeDelays() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
