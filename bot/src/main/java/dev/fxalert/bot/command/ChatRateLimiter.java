package dev.fxalert.bot.command;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Abuse guard: at most {@code perMinute} commands per chat in any sliding minute. Kept in memory: a restart
 * forgets it, which is fine for a guard against floods.
 */
public final class ChatRateLimiter {

    /** Past this many tracked chats, idle ones are dropped so the map cannot grow without bound. */
    private static final int SWEEP_THRESHOLD = 10_000;
    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final int perMinute;
    private final Clock clock;
    private final Map<Long, Deque<Long>> recent = new ConcurrentHashMap<>();

    public ChatRateLimiter(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public enum Verdict {
        ALLOWED,
        /** The first refusal in a window: tell the person to slow down. */
        REFUSED_FIRST,
        /** Further refusals: stay quiet, or a flood would get a flood of replies. */
        REFUSED_AGAIN
    }

    public Verdict check(long chatId) {
        long now = clock.millis();
        if (recent.size() > SWEEP_THRESHOLD) {
            recent.entrySet().removeIf(entry -> isIdle(entry.getValue(), now));
        }
        Deque<Long> times = recent.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() < perMinute) {
                times.addLast(now);
                return Verdict.ALLOWED;
            }
            // One marker past the limit remembers that the person has already been told.
            if (times.size() == perMinute) {
                times.addLast(now);
                return Verdict.REFUSED_FIRST;
            }
            return Verdict.REFUSED_AGAIN;
        }
    }

    public int perMinute() {
        return perMinute;
    }

    private static boolean isIdle(Deque<Long> times, long now) {
        synchronized (times) {
            return times.isEmpty() || times.peekLast() <= now - WINDOW_MILLIS;
        }
    }
}
