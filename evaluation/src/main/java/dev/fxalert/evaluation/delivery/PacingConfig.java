package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.config.Settings;
import dev.fxalert.core.retry.Backoff;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Telegram's limits and how we retry. Defaults stay a little under the documented limits (30 messages/s per bot,
 * about 1 message/s per chat) so network jitter does not push a burst over them: at 28.9/s 30 consecutive sends span
 * 1.0035 s, so a second holds at most 29 and one request delayed into the next second still keeps the bot at 30 as
 * Telegram counts them (at 29/s a second holds 30, and the fault suite saw 31 arrive within one second); 31 in a second
 * needs requests bunched by 38 ms. The rate is the highest that keeps that property, because the drain follows it:
 * 30 / 28.9 = 1.038 x N/30, which leaves the first push ~0.3 s within issue 12's goal of 1.05 x N/30 at N = 1,000
 * (28.6/s, the previous default, measured 1.055).
 *
 * @param maxPerSecond       messages per second across all chats
 * @param perChatInterval    minimum time between two messages to the same chat
 * @param maxInFlight        concurrent requests (Telegram answers in ~100 ms; one at a time would cap us at ~10/s)
 * @param maxAttempts        attempts per push on plain failures (5xx, timeouts) before leaving it pending
 * @param initialBackoff     wait after the first failure, doubled after each further one
 * @param maxBackoff         cap of that wait
 * @param maxRateLimitWaits  how many 429s one push may wait out in one round before it is left pending
 * @param shutdownGrace      how long {@link PacedSender#close()} lets in-flight requests finish
 * @param maxRounds          sending rounds (evaluation, then sweeps) a push may fail before it is dead-lettered
 * @param roundRetryDelay    after a failed round the push is next due this much later, doubled per round (max 1 h)
 */
public record PacingConfig(double maxPerSecond, Duration perChatInterval, int maxInFlight, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff, int maxRateLimitWaits,
                           Duration shutdownGrace, int maxRounds, Duration roundRetryDelay) {

    public static final PacingConfig DEFAULTS = new PacingConfig(28.9, Duration.ofMillis(1100), 8, 4,
            Duration.ofMillis(500), Duration.ofSeconds(8), 10, Duration.ofSeconds(10), 8, Duration.ofMinutes(1));

    private static final Duration MAX_ROUND_RETRY_DELAY = Duration.ofHours(1);

    /**
     * Issue 12: Telegram allows 20 messages a minute to a group (a negative chat id), and a 429 for it pauses the
     * whole bot until the group's minute frees (up to a minute): a group gets one message per 3.1 s (3 s plus the
     * margin the per-chat default keeps).
     */
    public static final Duration GROUP_INTERVAL = Duration.ofMillis(3_100);

    /** The interval between two messages to {@code chatId}: {@code perChatInterval}, at least 3.1 s for a group. */
    public static Duration chatInterval(long chatId, Duration perChatInterval) {
        return chatId < 0 && GROUP_INTERVAL.compareTo(perChatInterval) > 0 ? GROUP_INTERVAL : perChatInterval;
    }

    public PacingConfig {
        if (!(maxPerSecond > 0)) {
            throw new IllegalArgumentException("maxPerSecond must be positive, got " + maxPerSecond);
        }
        requirePositive(perChatInterval, "perChatInterval");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        requirePositive(roundRetryDelay, "roundRetryDelay");
        if (maxInFlight < 1 || maxAttempts < 1 || maxRateLimitWaits < 0 || maxRounds < 1) {
            throw new IllegalArgumentException(
                    "maxInFlight, maxAttempts and maxRounds must be at least 1, maxRateLimitWaits at least 0");
        }
    }

    /**
     * Reads DELIVERY_MAX_PER_SECOND, DELIVERY_PER_CHAT_INTERVAL_MS, DELIVERY_MAX_IN_FLIGHT, DELIVERY_MAX_ATTEMPTS,
     * DELIVERY_MAX_ROUNDS; anything unset keeps its default.
     */
    public static PacingConfig from(Settings settings) {
        PacingConfig d = DEFAULTS;
        return new PacingConfig(
                settings.decimal("DELIVERY_MAX_PER_SECOND", d.maxPerSecond),
                settings.millis("DELIVERY_PER_CHAT_INTERVAL_MS", d.perChatInterval.toMillis()),
                settings.integer("DELIVERY_MAX_IN_FLIGHT", d.maxInFlight, 1),
                settings.integer("DELIVERY_MAX_ATTEMPTS", d.maxAttempts, 1),
                d.initialBackoff, d.maxBackoff, d.maxRateLimitWaits, d.shutdownGrace,
                settings.integer("DELIVERY_MAX_ROUNDS", d.maxRounds, 1),
                d.roundRetryDelay);
    }

    public static PacingConfig fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env));
    }

    /** One send slot: the time between two messages at {@link #maxPerSecond()}. */
    public Duration globalInterval() {
        return Duration.ofNanos(Math.round(1_000_000_000d / maxPerSecond));
    }

    /** Backoff before attempt {@code failures + 1}: initial, doubled per failure, capped. */
    Duration backoffAfter(int failures) {
        return new Backoff(initialBackoff, maxBackoff).after(failures);
    }

    /** When a push that has now failed {@code rounds} rounds is next due, counted from the end of the last one. */
    Duration delayAfterRounds(int rounds) {
        return new Backoff(roundRetryDelay, MAX_ROUND_RETRY_DELAY).after(rounds);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
