package dev.fxalert.evaluation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The send slots of one bot, shared by every concurrent sending round in this process: at most one message per
 * global interval overall and one per chat interval to each chat, and nothing to a chat Telegram asked us to wait for.
 * A sender that wakes a little late keeps the schedule, but never so that one second holds more sends than the
 * interval allows (Telegram counts its ~30/s over any second, so catching up must not burst).
 */
final class SendLimiter {

    /** Bound on remembered chats; entries older than a chat interval no longer matter and are dropped. */
    private static final int PRUNE_THRESHOLD = 10_000;

    private final Duration globalInterval;
    private final Duration perChatInterval;
    private final Map<Long, Instant> nextForChat = new HashMap<>();
    private final Map<Long, Integer> waitingReplies = new HashMap<>();
    /** The last {@link #perSecond} send times, oldest first. */
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();
    private final int perSecond;
    private Instant nextGlobal = Instant.EPOCH;

    SendLimiter(Duration globalInterval, Duration perChatInterval) {
        this.globalInterval = globalInterval;
        this.perChatInterval = perChatInterval;
        // The most sends one rolling second can hold at this interval: the rate rounded up (28.9/s spaces sends
        // 34.60 ms apart, and a second then holds 29 of them). The interval is rounded to whole nanoseconds, so the
        // rate comes out a hair off (1 s / 34,482,759 ns = 28.99999...); the tolerance absorbs that rounding only:
        // truncating it lost a slot every second (issue 12's simulation), rounding it up would add one.
        this.perSecond = globalInterval.isZero() ? Integer.MAX_VALUE
                : (int) Math.max(1, Math.ceil(1e9 / globalInterval.toNanos() - 1e-6));
    }

    /**
     * Takes a slot for {@code chatId} when one is free at {@code now} and returns null; otherwise returns when to
     * ask again.
     */
    synchronized Instant tryAcquire(long chatId, Instant now) {
        return acquire(chatId, now, false);
    }

    /**
     * {@link #tryAcquire} for a message that goes first (a bot reply): while it waits ({@link #replyWaiting}), a
     * push may not take a global slot that such a reply could use (its chat is free), so replies are never queued
     * behind a fan-out; they still keep the per-chat interval and every 429 pause.
     */
    synchronized Instant tryAcquireFirst(long chatId, Instant now) {
        return acquire(chatId, now, true);
    }

    /** A reply to {@code chatId} starts ({@code +1}) or stops ({@code -1}) waiting for a slot. */
    synchronized void replyWaiting(long chatId, int delta) {
        waitingReplies.merge(chatId, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    private Instant acquire(long chatId, Instant now, boolean first) {
        if (!first && !waitingReplies.isEmpty()) {
            for (Long replyChat : waitingReplies.keySet()) {
                if (!nextForChat.getOrDefault(replyChat, Instant.EPOCH).isAfter(now)) {
                    // A reply could take this slot: the push asks again one slot later.
                    return latest(nextGlobal, now).plus(globalInterval);
                }
            }
        }
        Instant due = latest(nextGlobal, nextForChat.getOrDefault(chatId, Instant.EPOCH));
        if (recent.size() >= perSecond) {
            due = latest(due, recent.peekFirst().plusSeconds(1));
        }
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
        nextForChat.put(chatId, now.plus(PacingConfig.chatInterval(chatId, perChatInterval)));
        recent.addLast(now);
        if (recent.size() > perSecond) {
            recent.removeFirst();
        }
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
