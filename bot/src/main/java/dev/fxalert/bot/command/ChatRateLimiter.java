package dev.fxalert.bot.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Abuse guard: at most {@code perMinute} commands per chat in any sliding minute. Kept in memory: a restart
 * forgets it, which is fine for a guard against floods.
 *
 * <p>Only accepted commands take a slot of the window: a refused one does not, so the time a refusal names (when
 * the oldest accepted command leaves the window) holds however often the chat keeps trying. The first refusal of
 * an episode is {@link Verdict#REFUSED_FIRST} (tell the person when commands are accepted again); the others up to
 * that time are {@link Verdict#REFUSED_AGAIN} (the person already knows when, and a flood must not become a flood
 * of replies). After that time the next command is accepted, and a new episode tells again.
 */
public final class ChatRateLimiter {

    /** Past this many tracked chats, idle ones are dropped so the map cannot grow without bound. */
    private static final int SWEEP_THRESHOLD = 10_000;
    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final int perMinute;
    private final Clock clock;
    private final Map<Long, Window> recent = new ConcurrentHashMap<>();

    public ChatRateLimiter(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public enum Verdict {
        ALLOWED,
        /** The first refusal of an episode: tell the person when commands are accepted again. */
        REFUSED_FIRST,
        /** Further refusals before that time: stay quiet, the person has been told when. */
        REFUSED_AGAIN
    }

    /**
     * @param acceptedFrom for a refusal, the instant from which this chat's next command is accepted; for
     *                     {@link Verdict#ALLOWED}, now
     */
    public record Decision(Verdict verdict, Instant acceptedFrom) {
        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    public Decision check(long chatId) {
        long now = clock.millis();
        if (recent.size() > SWEEP_THRESHOLD) {
            recent.entrySet().removeIf(entry -> entry.getValue().isIdle(now));
        }
        Window window = recent.computeIfAbsent(chatId, id -> new Window());
        synchronized (window) {
            Deque<Long> accepted = window.accepted;
            while (!accepted.isEmpty() && accepted.peekFirst() <= now - WINDOW_MILLIS) {
                accepted.pollFirst();
            }
            if (accepted.size() < perMinute) {
                accepted.addLast(now);
                return new Decision(Verdict.ALLOWED, Instant.ofEpochMilli(now));
            }
            long acceptedFrom = accepted.peekFirst() + WINDOW_MILLIS;
            if (window.toldUntil == acceptedFrom) {
                return new Decision(Verdict.REFUSED_AGAIN, Instant.ofEpochMilli(acceptedFrom));
            }
            window.toldUntil = acceptedFrom;
            return new Decision(Verdict.REFUSED_FIRST, Instant.ofEpochMilli(acceptedFrom));
        }
    }

    public int perMinute() {
        return perMinute;
    }

    private static final class Window {
        final Deque<Long> accepted = new ArrayDeque<>();
        /** The acceptance time the chat was last told; a refusal naming the same time stays quiet. */
        long toldUntil = Long.MIN_VALUE;

        synchronized boolean isIdle(long now) {
            return accepted.isEmpty() || accepted.peekLast() <= now - WINDOW_MILLIS;
        }
    }
}
