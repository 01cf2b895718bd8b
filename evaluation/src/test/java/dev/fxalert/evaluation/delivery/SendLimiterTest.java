package dev.fxalert.evaluation.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies go first: a push may not take a slot a waiting reply could use. Pure time arithmetic, no clock. */
class SendLimiterTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private final SendLimiter limiter = new SendLimiter(Duration.ofMillis(500), Duration.ofSeconds(1));

    @Test
    void aWaitingReplyTakesTheNextFreeSlotBeforeAnyPush() {
        limiter.replyWaiting(2, 1);

        assertThat(limiter.tryAcquire(1, T0)).as("push").isAfter(T0);
        assertThat(limiter.tryAcquireFirst(2, T0)).as("reply").isNull();
        limiter.replyWaiting(2, -1);

        assertThat(limiter.tryAcquire(1, T0.plusMillis(500))).as("push, next slot").isNull();
    }

    @Test
    void aReplyWaitingForItsOwnChatDoesNotHoldPushesToOtherChatsBack() {
        assertThat(limiter.tryAcquireFirst(2, T0)).isNull(); // chat 2 is busy for a second
        limiter.replyWaiting(2, 1);

        assertThat(limiter.tryAcquire(1, T0.plusMillis(500))).isNull();
        assertThat(limiter.tryAcquire(3, T0.plusMillis(1000))).as("chat 2 free again: its reply goes first")
                .isAfter(T0.plusMillis(1000));
        assertThat(limiter.tryAcquireFirst(2, T0.plusMillis(1000))).isNull();
    }

    @Test
    void repliesKeepThePauseOfA429() {
        limiter.pauseAll(T0.plusSeconds(5));
        limiter.replyWaiting(2, 1);

        assertThat(limiter.tryAcquireFirst(2, T0)).isEqualTo(T0.plusSeconds(5));
        assertThat(limiter.tryAcquireFirst(2, T0.plusSeconds(5))).isNull();
    }

    @Test
    void lateWakeUpsNeverFitMoreSendsIntoOneSecondThanTheIntervalAllows() {
        // 29 a second, as in production. A sender that wakes a little late keeps the schedule (no lost throughput),
        // but catching up must not put a 30th send into any one-second window: Telegram counts arrivals that way
        // (the fault suite saw 31 in one second).
        SendLimiter paced = new SendLimiter(Duration.ofNanos(1_000_000_000L / 29), Duration.ZERO);
        java.util.List<Instant> sent = new java.util.ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 200; i++) {
            Instant retry = paced.tryAcquire(i, now);
            if (retry == null) {
                sent.add(now);
                // every third send is taken 30 ms late, the next ones right on time
                now = now.plusNanos(i % 3 == 0 ? 30_000_000L : 0);
            } else {
                now = retry;
            }
        }
        for (int i = 0; i + 29 < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i), sent.get(i + 29))).as("30 sends from send %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    // issue 12 (virtual-time delivery simulation): an interval must give its full rate, no slot lost to rounding
    @Test
    void anIntervalSendsItsFullRateNotOneLessPerSecond() {
        // 1 s / 29 rounds to 34,482,759 ns, so 1 s / interval is 28.99999...: truncating it made the rolling-second
        // cap 28, and every second lost one slot (3.4 % of the throughput, seen in the simulation).
        PacingConfig d = PacingConfig.DEFAULTS;
        PacingConfig at29 = new PacingConfig(29.0, d.perChatInterval(), d.maxInFlight(), d.maxAttempts(),
                d.initialBackoff(), d.maxBackoff(), d.maxRateLimitWaits(), d.shutdownGrace(), d.maxRounds(),
                d.roundRetryDelay());
        assertThat(sentInTenSeconds(at29.globalInterval())).isEqualTo(290);
    }

    @Test
    void theProductionRateKeepsASecondAtTwentyNineSendsSoOneLateRequestStaysWithinThirty() {
        SendLimiter paced = new SendLimiter(PacingConfig.DEFAULTS.globalInterval(), Duration.ZERO);
        List<Instant> sent = new ArrayList<>();
        Instant now = T0;
        while (now.isBefore(T0.plusSeconds(10))) {
            Instant retry = paced.tryAcquire(sent.size(), now);
            if (retry == null) {
                sent.add(now);
            } else {
                now = retry;
            }
        }
        assertThat(sent).hasSize(290); // 28.9/s: the 290th starts at 9.99998 s
        for (int i = 0; i + 29 < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i), sent.get(i + 29))).as("30 sends from send %d", i)
                    .isGreaterThan(Duration.ofSeconds(1));
        }
    }

    // issue 12: a drain of N pushes must end within 1.05 x N/30 (the benchmark goal), first push's latency included
    @Test
    void theProductionRateLeavesTheDrainGoalRoomForTheFirstPushesLatency() {
        // 1,000 pushes at 30/s take 33.3 s; 1.05 x that is 35.0 s. The first push leaves ~0.3 s after the event
        // (1,000 conditional writes start before it), so the paced sends themselves may take at most 34.7 s.
        // At 28.6/s they took 34.93 s (the drain measured 1.055 x N/30 on an idle machine).
        SendLimiter paced = new SendLimiter(PacingConfig.DEFAULTS.globalInterval(), Duration.ZERO);
        Instant now = T0;
        Instant last = null;
        for (int sent = 0; sent < 1_000; ) {
            Instant retry = paced.tryAcquire(sent, now);
            if (retry == null) {
                last = now;
                sent++;
            } else {
                now = retry;
            }
        }
        assertThat(Duration.between(T0, last)).isLessThanOrEqualTo(Duration.ofMillis(35_000 - 300));
    }

    private static int sentInTenSeconds(Duration interval) {
        SendLimiter paced = new SendLimiter(interval, Duration.ZERO);
        Instant now = T0;
        int sent = 0;
        while (now.isBefore(T0.plusSeconds(10))) {
            Instant retry = paced.tryAcquire(sent, now);
            if (retry == null) {
                sent++;
            } else {
                now = retry;
            }
        }
        return sent;
    }

    @Test
    void aGroupChatGetsAtMostTwentyMessagesAMinute() {
        // Telegram allows 20 messages a minute to a group (negative chat id); its 429 would pause the whole bot.
        SendLimiter paced = new SendLimiter(PacingConfig.DEFAULTS.globalInterval(), Duration.ofMillis(1100));
        java.util.List<Instant> sent = new java.util.ArrayList<>();
        Instant now = T0;
        while (now.isBefore(T0.plusSeconds(180))) {
            Instant retry = paced.tryAcquire(-1001234567890L, now);
            if (retry == null) {
                sent.add(now);
                now = now.plusMillis(100);
            } else {
                now = retry;
            }
        }
        for (int i = 0; i + 20 < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i), sent.get(i + 20))).as("21 sends from send %d", i)
                    .isGreaterThan(Duration.ofMinutes(1));
        }
        assertThat(paced.tryAcquire(1234L, now)).as("a private chat keeps its one-second interval").isNull();
        assertThat(paced.tryAcquire(1234L, now.plusMillis(1100))).isNull();
    }
}
