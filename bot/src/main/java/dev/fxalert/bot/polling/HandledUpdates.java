package dev.fxalert.bot.polling;

import java.time.Duration;
import java.util.TreeSet;

/**
 * Which update ids taken from Telegram are handled: the highest id below which every taken update is handled is
 * what may be acknowledged. Updates of different chats finish out of order, so one slow update holds back the
 * acknowledgement of later ones that already finished (they are redelivered, and handled idempotently, only if
 * the process dies before the slow one finishes). Thread-safe.
 */
final class HandledUpdates {

    private final TreeSet<Integer> inFlight = new TreeSet<>();
    private int highestTaken;

    synchronized void taken(int updateId) {
        inFlight.add(updateId);
        highestTaken = Math.max(highestTaken, updateId);
    }

    synchronized void handled(int updateId) {
        inFlight.remove(updateId);
        notifyAll();
    }

    /** Every taken update up to and including this id is handled (0 before any). */
    synchronized int handledUpTo() {
        return inFlight.isEmpty() ? highestTaken : inFlight.first() - 1;
    }

    /** Waits at most {@code atMost} for the updates in flight, then answers {@link #handledUpTo()}. */
    synchronized int awaitHandled(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long left;
        while (!inFlight.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return handledUpTo();
    }
}
