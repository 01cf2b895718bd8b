package dev.fxalert.bot.command;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.fxalert.bot.command.ChatRateLimiter.Verdict.ALLOWED;
import static dev.fxalert.bot.command.ChatRateLimiter.Verdict.REFUSED_AGAIN;
import static dev.fxalert.bot.command.ChatRateLimiter.Verdict.REFUSED_FIRST;
import static org.assertj.core.api.Assertions.assertThat;

class ChatRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final ChatRateLimiter limiter = new ChatRateLimiter(3, clock);

    @Test
    void refusesPastTheLimitAndSaysSoOnlyOnce() {
        assertThat(limiter.check(1)).isEqualTo(ALLOWED);
        assertThat(limiter.check(1)).isEqualTo(ALLOWED);
        assertThat(limiter.check(1)).isEqualTo(ALLOWED);
        assertThat(limiter.check(1)).isEqualTo(REFUSED_FIRST);
        assertThat(limiter.check(1)).isEqualTo(REFUSED_AGAIN);
        assertThat(limiter.check(2)).as("other chats are not affected").isEqualTo(ALLOWED);
    }

    @Test
    void allowsAgainOnceTheMinuteHasPassed() {
        for (int i = 0; i < 4; i++) {
            limiter.check(1);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.check(1)).isEqualTo(ALLOWED);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
