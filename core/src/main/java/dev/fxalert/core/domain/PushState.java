package dev.fxalert.core.domain;

import java.time.Instant;

/**
 * Delivery bookkeeping of an alert's push for its last firing (the outbox entry next to {@link Alert#lastFiring()}).
 *
 * @param attempts       sending rounds that ended without Telegram accepting the push
 * @param nextAttemptAt  when a sweep (or a delivery worker) may try again; pending pushes are read in this order.
 *                       Set to the firing time when the alert fires; null when there never was a firing
 * @param outcomeUnknown a request for this push got no answer after it was written: Telegram may have shown it
 * @param deadLetter     why the push was given up (never sent again), or null while it is pending or delivered
 */
public record PushState(int attempts, Instant nextAttemptAt, boolean outcomeUnknown, String deadLetter) {

    public static final PushState NONE = new PushState(0, null, false, null);

    public PushState {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
        deadLetter = deadLetter == null || deadLetter.isBlank() ? null : deadLetter;
    }

    /** A fresh pending push, due at once. */
    public static PushState due(Instant at) {
        return new PushState(0, at, false, null);
    }

    public boolean deadLettered() {
        return deadLetter != null;
    }
}
