package dev.fxalert.bot.command;

import dev.fxalert.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.fxalert.bot.command.ChatRateLimiter.Verdict.ALLOWED;
import static dev.fxalert.bot.command.ChatRateLimiter.Verdict.REFUSED_AGAIN;
import static dev.fxalert.bot.command.ChatRateLimiter.Verdict.REFUSED_FIRST;
import static org.assertj.core.api.Assertions.assertThat;

class ChatRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final ChatRateLimiter limiter = new ChatRateLimiter(3, clock);

    @Test
    void refusesPastTheLimitAndSaysSoOnlyOnce() {
        assertThat(limiter.check(1).verdict()).isEqualTo(ALLOWED);
        assertThat(limiter.check(1).verdict()).isEqualTo(ALLOWED);
        assertThat(limiter.check(1).verdict()).isEqualTo(ALLOWED);
        assertThat(limiter.check(1).verdict()).isEqualTo(REFUSED_FIRST);
        assertThat(limiter.check(1).verdict()).isEqualTo(REFUSED_AGAIN);
        assertThat(limiter.check(2).verdict()).as("other chats are not affected").isEqualTo(ALLOWED);
    }

    @Test
    void allowsAgainOnceTheMinuteHasPassed() {
        for (int i = 0; i < 4; i++) {
            limiter.check(1);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.check(1).verdict()).isEqualTo(ALLOWED);
    }

    /**
     * Issue 14: refused attempts used to take slots of the window, so a chat that kept trying was refused long
     * after the minute it was told to wait, with the notice repeated whenever an old slot expired.
     */
    @Test
    void aChatThatKeepsTryingIsAcceptedAgainAMinuteAfterItsFirstAcceptedCommand() {
        limiter.check(1);
        clock.advance(Duration.ofSeconds(1));
        limiter.check(1);
        clock.advance(Duration.ofSeconds(1));
        limiter.check(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.check(1).verdict()).isEqualTo(REFUSED_FIRST);
        for (int second = 4; second < 60; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(limiter.check(1).verdict()).as("second %d", second).isEqualTo(REFUSED_AGAIN);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.check(1).verdict()).as("a minute after the first accepted command").isEqualTo(ALLOWED);
    }

    @Test
    void aRefusalSaysWhenTheOldestAcceptedCommandLeavesTheMinute() {
        limiter.check(1);
        clock.advance(Duration.ofSeconds(20));
        limiter.check(1);
        limiter.check(1);
        clock.advance(Duration.ofSeconds(5));

        ChatRateLimiter.Decision refused = limiter.check(1);

        assertThat(refused.verdict()).isEqualTo(REFUSED_FIRST);
        assertThat(refused.acceptedFrom()).isEqualTo(Instant.parse("2026-11-25T09:01:00Z"));
        clock.advance(Duration.ofSeconds(35));
        assertThat(limiter.check(1).verdict()).isEqualTo(ALLOWED);
        assertThat(limiter.check(1).verdict()).as("the two from 09:00:20 are still inside the minute")
                .isEqualTo(REFUSED_FIRST);
        assertThat(limiter.check(1).acceptedFrom()).isEqualTo(Instant.parse("2026-11-25T09:01:20Z"));
    }
}
