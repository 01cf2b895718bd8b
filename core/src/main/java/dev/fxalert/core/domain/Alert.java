package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's wish to hear when {@code pair} goes {@code direction} {@code threshold}, and the state machine that
 * decides when it fires:
 * <ul>
 *   <li>ARMED fires when the rate reaches the threshold (ABOVE: rate &ge; threshold, BELOW: rate &le; threshold);</li>
 *   <li>a fired REARM alert arms again only once the rate went back past the re-arm band, so a rate hovering
 *       at the threshold never pushes twice; a ONCE alert stays FIRED;</li>
 *   <li>PAUSED never fires.</li>
 * </ul>
 * Instances are immutable; every transition returns a new alert and refuses when it is not allowed.
 *
 * @param rearmBand   absolute distance from the threshold the rate must go back past before re-arming
 * @param firedAt     when it last fired, or null
 * @param lastFiring  the rate event that last fired it, or null
 * @param pushPending true while the push for {@code lastFiring} has not been accepted by Telegram (the outbox)
 * @param push        the outbox entry's delivery bookkeeping: attempts, next attempt, dead letter
 * @param kind        which rate of the pair it watches ({@link RateKind#MID} unless a bank's buying or selling
 *                    rate); only that kind's rates fire or re-arm it
 */
public record Alert(
        String id,
        Owner owner,
        CurrencyPair pair,
        Direction direction,
        BigDecimal threshold,
        AlertMode mode,
        AlertState state,
        BigDecimal rearmBand,
        Instant createdAt,
        Instant firedAt,
        int fireCount,
        String note,
        Firing lastFiring,
        boolean pushPending,
        PushState push,
        RateKind kind) {

    public static final int MAX_NOTE_LENGTH = 100;
    /** Default re-arm band: 0.5% of the threshold. */
    public static final BigDecimal DEFAULT_REARM_BAND_RATIO = new BigDecimal("0.005");

    /** An alert on the mid rate (every alert before rate kinds existed). */
    public Alert(String id, Owner owner, CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode,
                 AlertState state, BigDecimal rearmBand, Instant createdAt, Instant firedAt, int fireCount, String note,
                 Firing lastFiring, boolean pushPending, PushState push) {
        this(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt, fireCount, note,
                lastFiring, pushPending, push, RateKind.MID);
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        threshold = Thresholds.requireValid(threshold);
        Objects.requireNonNull(rearmBand, "rearmBand");
        if (rearmBand.signum() < 0) {
            throw new InvalidInputException("The re-arm band cannot be negative.");
        }
        rearmBand = Numbers.normalize(rearmBand);
        note = normalizeNote(note);
        if (fireCount < 0) {
            throw new IllegalArgumentException("fireCount < 0");
        }
        if (pushPending && lastFiring == null) {
            throw new IllegalArgumentException("a pending push needs the firing it reports");
        }
        push = push == null ? PushState.NONE : push;
        if (pushPending && push.deadLettered()) {
            throw new IllegalArgumentException("a dead-lettered push is not pending");
        }
    }

    /** A new ARMED alert on the mid rate with the default re-arm band. */
    public static Alert create(String id, Owner owner, CurrencyPair pair, Direction direction, BigDecimal threshold,
                               AlertMode mode, String note, Instant now) {
        return create(id, owner, pair, direction, threshold, mode, note, now, RateKind.MID);
    }

    /** A new ARMED alert on {@code kind} of the pair's rates with the default re-arm band. */
    public static Alert create(String id, Owner owner, CurrencyPair pair, Direction direction, BigDecimal threshold,
                               AlertMode mode, String note, Instant now, RateKind kind) {
        BigDecimal valid = Thresholds.requireValid(threshold);
        return new Alert(id, owner, pair, direction, valid, mode, AlertState.ARMED, defaultBand(valid), now,
                null, 0, note, null, false, PushState.NONE, kind);
    }

    public static BigDecimal defaultBand(BigDecimal threshold) {
        return threshold.multiply(DEFAULT_REARM_BAND_RATIO).round(MathContext.DECIMAL64);
    }

    /** The rate that a FIRED re-arm alert must go strictly beyond to arm again. */
    public BigDecimal rearmBoundary() {
        return direction.rearmBoundary(threshold, rearmBand);
    }

    public boolean firesAt(BigDecimal rate) {
        return state == AlertState.ARMED && direction.isCrossedBy(rate, threshold);
    }

    public boolean rearmsAt(BigDecimal rate) {
        return state == AlertState.FIRED && mode == AlertMode.REARM && direction.isRearmedBy(rate, rearmBoundary());
    }

    /** ARMED to FIRED, recording the firing as a pending push. */
    public Alert fire(Firing firing) {
        Objects.requireNonNull(firing, "firing");
        if (!firesAt(firing.rate())) {
            throw new IllegalStateException("alert " + id + " in state " + state + " is not fired by " + firing.rate());
        }
        return new Alert(id, owner, pair, direction, threshold, mode, AlertState.FIRED, rearmBand, createdAt,
                firing.firedAt(), fireCount + 1, note, firing, true, PushState.due(firing.firedAt()), kind);
    }

    /** FIRED re-arm alert back to ARMED because the rate left the band. */
    public Alert rearm(BigDecimal rate) {
        if (!rearmsAt(rate)) {
            throw new IllegalStateException("alert " + id + " in state " + state + " is not re-armed by " + rate);
        }
        return withState(AlertState.ARMED);
    }

    /** Telegram accepted the push for the last firing. */
    public Alert pushDelivered() {
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, false, push, kind);
    }

    /** A sending round ended without Telegram accepting the pending push: one more attempt, due again later. */
    public Alert pushFailed(Instant nextAttemptAt) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        requirePendingPush("count a failed round of");
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, true,
                new PushState(push.attempts() + 1, nextAttemptAt, push.outcomeUnknown(), null), kind);
    }

    /** The pending push is given up for good with {@code reason}; it is never sent again. */
    public Alert pushDeadLettered(String reason, boolean outcomeUnknown) {
        Objects.requireNonNull(reason, "reason");
        requirePendingPush("dead-letter");
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, false,
                new PushState(push.attempts(), push.nextAttemptAt(), outcomeUnknown, reason), kind);
    }

    private void requirePendingPush(String what) {
        if (!pushPending) {
            throw new IllegalStateException("alert " + id + " has no pending push to " + what);
        }
    }

    /** Owner pauses: an ARMED or FIRED alert stops firing until resumed. */
    public Alert pause() {
        if (state == AlertState.PAUSED) {
            throw new IllegalStateException("alert " + id + " is already paused");
        }
        return withState(AlertState.PAUSED);
    }

    /** Owner resumes a PAUSED alert or re-arms a FIRED one by hand. */
    public Alert resume() {
        if (state == AlertState.ARMED) {
            throw new IllegalStateException("alert " + id + " is already armed");
        }
        return withState(AlertState.ARMED);
    }

    private Alert withState(AlertState next) {
        return new Alert(id, owner, pair, direction, threshold, mode, next, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, pushPending, push, kind);
    }

    private static String normalizeNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String stripped = note.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NOTE_LENGTH) {
            throw new InvalidInputException(Msg.NOTE_TOO_LONG, MAX_NOTE_LENGTH);
        }
        return stripped;
    }
}
