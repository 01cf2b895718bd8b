package dev.fxalert.evaluation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The send slots of one bot, shared by every concurrent sending round in this process: at most one message per
 * global interval overall and one per chat interval to each chat, and nothing to a chat Telegram asked us to wait for.
 */
final class SendLimiter {

    /** Bound on remembered chats; entries older than a chat interval no longer matter and are dropped. */
    private static final int PRUNE_THRESHOLD = 10_000;

    private final Duration globalInterval;
    private final Duration perChatInterval;
    private final Map<Long, Instant> nextForChat = new HashMap<>();
    private Instant nextGlobal = Instant.EPOCH;

    SendLimiter(Duration globalInterval, Duration perChatInterval) {
        this.globalInterval = globalInterval;
        this.perChatInterval = perChatInterval;
    }

    /**
     * Takes a slot for {@code chatId} when one is free at {@code now} and returns null; otherwise returns when to
     * ask again.
     */
    synchronized Instant tryAcquire(long chatId, Instant now) {
        Instant due = latest(nextGlobal, nextForChat.getOrDefault(chatId, Instant.EPOCH));
        if (due.isAfter(now)) {
            return due;
        }
        // Keep the schedule when we woke up a little late, so oversleeping does not eat throughput; after a
        // longer idle period start afresh instead of bursting to catch up.
        Instant slotStart = Duration.between(nextGlobal, now).compareTo(globalInterval) < 0 ? nextGlobal : now;
        nextGlobal = slotStart.plus(globalInterval);
        if (nextForChat.size() >= PRUNE_THRESHOLD) {
            nextForChat.values().removeIf(next -> !next.isAfter(now));
        }
        nextForChat.put(chatId, now.plus(perChatInterval));
        return null;
    }

    /**
     * Telegram answered 429: its flood limit is per bot, so nothing goes to any chat before {@code until}. Going on
     * with other chats only collects more 429s (60 in 2 s in issue 10) and can make Telegram extend the wait.
     */
    synchronized void pauseAll(Instant until) {
        nextGlobal = latest(nextGlobal, until);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
