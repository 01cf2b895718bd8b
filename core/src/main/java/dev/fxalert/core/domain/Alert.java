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
 * <b>Percent-move alerts</b> (issue 14, {@code move} not null) read the threshold as a percent and the rate as the
 * move against the rate one {@link Move#window() window} ago, as their {@link MoveWay} sees it
 * ({@link MoveWay#along}): ARMED fires when that move reaches the percent ({@link #firesOnMove}). The
 * <b>hysteresis</b>: a fired REARM move alert arms again only once the move, as its way sees it, fell back under
 * half the percent ({@code rearmBand} = percent / 2, so the re-arm boundary is percent / 2), so a move that
 * persists never pushes twice; a move that stays put re-arms at the latest one window later, when the rate one
 * window ago has caught up. Their direction is always ABOVE (the move reaches the percent) and never read as a
 * rate condition: {@link #firesAt} and {@link #rearmsAt} are false for them.
 * <p>
 * <b>Expiry</b> (issue 14, {@code expiresAt} not null): from {@code expiresAt} on the alert never fires
 * ({@link #isExpiredAt}), and {@link #expire} moves it to EXPIRED (from any other state, for good) with the owner's
 * notice recorded as its pending push, so the outbox tells them once. EXPIRED is final: no pause, resume or firing.
 * <p>
 * Instances are immutable; every transition returns a new alert and refuses when it is not allowed.
 *
 * <p><b>Snooze</b> (the owner's "Snooze 1h / 1d" on a push): until {@code snoozedUntil} the alert still fires and
 * re-arms as usual, but its push is held: a firing during the snooze records its pending push due at the snooze
 * end instead of now (and snoozing moves an already pending push there too), so the outbox delivers it when the
 * snooze ends and a crash in between loses nothing. A crossing that persists through the snooze is therefore told
 * once, when the snooze ends; several firings during one snooze (the rate went back past the re-arm band and
 * crossed again) leave one push, for the last of them. After {@code snoozedUntil} the alert is in its normal state
 * again: nothing has to run at the snooze end. A PAUSED alert cannot be snoozed (it pushes nothing anyway).
 *
 * <p><b>Moving the target</b> ("±0.5% / ±1%" on a push) sets a new threshold, with the default re-arm band for it,
 * and arms the alert at it (from ARMED or FIRED; a PAUSED alert is resumed first). A snooze stays as it was.
 *
 * @param rearmBand   absolute distance from the threshold the rate must go back past before re-arming
 * @param firedAt     when it last fired, or null
 * @param lastFiring  the rate event that last fired it, or null
 * @param pushPending true while the push for {@code lastFiring} has not been accepted by Telegram (the outbox)
 * @param push        the outbox entry's delivery bookkeeping: attempts, next attempt, dead letter
 * @param kind        which rate of the pair it watches ({@link RateKind#MID} unless a bank's buying or selling
 *                    rate); only that kind's rates fire or re-arm it
 * @param move        what makes it a percent-move alert, or null for a threshold alert (issue 14)
 * @param expiresAt   from when on it never fires and is to expire, or null for never (issue 14)
 * @param snoozedUntil no push for this alert before this instant, or null (see <em>Snooze</em> above)
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
        RateKind kind,
        // issue 14, percent moves and expiry: appended, see the class comment
        Move move,
        Instant expiresAt,
        // issue 14, snooze: appended
        Instant snoozedUntil) {

    public static final int MAX_NOTE_LENGTH = 100;
    /** Default re-arm band: 0.5% of the threshold. */
    public static final BigDecimal DEFAULT_REARM_BAND_RATIO = new BigDecimal("0.005");

    /** A threshold alert on {@code kind} of the pair's rates that never expires and is not snoozed. */
    public Alert(String id, Owner owner, CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode,
                 AlertState state, BigDecimal rearmBand, Instant createdAt, Instant firedAt, int fireCount, String note,
                 Firing lastFiring, boolean pushPending, PushState push, RateKind kind) {
        this(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt, fireCount, note,
                lastFiring, pushPending, push, kind, null, null, null);
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
        if (move != null && direction != Direction.ABOVE) {
            throw new IllegalArgumentException("a percent-move alert reads its move as ABOVE its percent");
        }
    }

    /** An alert of the form before issue 14: a threshold alert that never expires. */
    public Alert(String id, Owner owner, CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode,
                 AlertState state, BigDecimal rearmBand, Instant createdAt, Instant firedAt, int fireCount,
                 String note, Firing lastFiring, boolean pushPending, PushState push) {
        this(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt, fireCount, note,
                lastFiring, pushPending, push, RateKind.MID, null, null, null);
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
                null, 0, note, null, false, PushState.NONE, kind, null, null, null);
    }

    /**
     * A new ARMED percent-move alert: fires when the rate moved {@code percent} {@code move.way()} within
     * {@code move.window()}; re-arms by the hysteresis of the class comment.
     */
    public static Alert createMove(String id, Owner owner, CurrencyPair pair, Move move, BigDecimal percent,
                                   AlertMode mode, String note, Instant now) {
        Objects.requireNonNull(move, "move");
        BigDecimal valid = Move.requirePercent(percent);
        return new Alert(id, owner, pair, Direction.ABOVE, valid, mode, AlertState.ARMED,
                valid.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64), now, null, 0, note, null, false,
                PushState.NONE, RateKind.MID, move, null, null);
    }

    /** This alert, expiring at {@code at} (null: never). Only a new alert is given an expiry. */
    public Alert expiringAt(Instant at) {
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, pushPending, push, kind, move, at, snoozedUntil);
    }

    public boolean isMove() {
        return move != null;
    }

    /** True from {@code expiresAt} on: the alert no longer fires, whether or not the sweep expired it yet. */
    public boolean isExpiredAt(Instant now) {
        return state == AlertState.EXPIRED || (expiresAt != null && !now.isBefore(expiresAt));
    }

    public static BigDecimal defaultBand(BigDecimal threshold) {
        return threshold.multiply(DEFAULT_REARM_BAND_RATIO).round(MathContext.DECIMAL64);
    }

    /** True while a snooze holds this alert's pushes. */
    public boolean isSnoozedAt(Instant now) {
        return snoozedUntil != null && now.isBefore(snoozedUntil);
    }

    /** When a push for a firing proposed for {@code proposed} is due: then, or at the snooze end if later. */
    public Instant pushDueAt(Instant proposed) {
        Objects.requireNonNull(proposed, "proposed");
        return snoozedUntil != null && snoozedUntil.isAfter(proposed) ? snoozedUntil : proposed;
    }

    /**
     * Owner snoozes the alert until {@code until}; a pending push due earlier is held until then too. Refused for
     * a PAUSED alert.
     */
    public Alert snooze(Instant until) {
        Objects.requireNonNull(until, "until");
        if (state == AlertState.PAUSED) {
            throw new IllegalStateException("alert " + id + " is paused; there is nothing to snooze");
        }
        PushState held = pushPending && push.nextAttemptAt() != null && push.nextAttemptAt().isBefore(until)
                ? new PushState(push.attempts(), until, push.outcomeUnknown(), null) : push;
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, pushPending, held, kind, move, expiresAt, until);
    }

    /** Owner moves the target: ARMED at {@code newThreshold} with its default re-arm band. Refused when PAUSED. */
    public Alert moveThreshold(BigDecimal newThreshold) {
        BigDecimal valid = Thresholds.requireValid(newThreshold);
        if (state == AlertState.PAUSED) {
            throw new IllegalStateException("alert " + id + " is paused; resume it before moving its target");
        }
        if (move != null) {
            throw new IllegalStateException("alert " + id + " watches a percent move; it has no target rate to move");
        }
        if (state == AlertState.EXPIRED) {
            throw new IllegalStateException("alert " + id + " has expired; it is never armed again");
        }
        return new Alert(id, owner, pair, direction, valid, mode, AlertState.ARMED, defaultBand(valid), createdAt,
                firedAt, fireCount, note, lastFiring, pushPending, push, kind, move, expiresAt, snoozedUntil);
    }

    /**
     * The threshold {@code percent} away from the current one (+0.5 for 0.5% higher), rounded to the precision the
     * pair is quoted in: the decimals of the rate that last fired it (at most 6 significant digits), never fewer
     * than the current threshold has. 1400 +0.5% is 1407; 1.0523 +0.5% is 1.0576.
     */
    public BigDecimal thresholdMovedBy(BigDecimal percent) {
        return Thresholds.movedBy(threshold, percent, lastFiring == null ? null : lastFiring.rate());
    }

    /** The rate that a FIRED re-arm alert must go strictly beyond to arm again. */
    public BigDecimal rearmBoundary() {
        return direction.rearmBoundary(threshold, rearmBand);
    }

    public boolean firesAt(BigDecimal rate) {
        return move == null && state == AlertState.ARMED && direction.isCrossedBy(rate, threshold);
    }

    public boolean rearmsAt(BigDecimal rate) {
        return move == null && state == AlertState.FIRED && mode == AlertMode.REARM
                && direction.isRearmedBy(rate, rearmBoundary());
    }

    /** A percent-move alert that a signed move of {@code signedPercent} fires: ARMED and the move reaches it. */
    public boolean firesOnMove(BigDecimal signedPercent) {
        return move != null && state == AlertState.ARMED && move.way().along(signedPercent).compareTo(threshold) >= 0;
    }

    /** A fired re-arm move alert whose move, as its way sees it, fell back under the boundary (percent / 2). */
    public boolean rearmsOnMove(BigDecimal signedPercent) {
        return move != null && state == AlertState.FIRED && mode == AlertMode.REARM
                && move.way().along(signedPercent).compareTo(rearmBoundary()) < 0;
    }

    /** ARMED to FIRED, recording the firing as a pending push. */
    public Alert fire(Firing firing) {
        Objects.requireNonNull(firing, "firing");
        boolean fires = move == null ? firesAt(firing.rate())
                : firing.base() != null && firesOnMove(firing.movePercent());
        if (!fires) {
            throw new IllegalStateException("alert " + id + " in state " + state + " is not fired by " + firing.rate());
        }
        return new Alert(id, owner, pair, direction, threshold, mode, AlertState.FIRED, rearmBand, createdAt,
                firing.firedAt(), fireCount + 1, note, firing, true, PushState.due(pushDueAt(firing.firedAt())), kind, move, expiresAt, snoozedUntil);
    }

    /** FIRED re-arm alert back to ARMED because the rate left the band. */
    public Alert rearm(BigDecimal rate) {
        if (!rearmsAt(rate)) {
            throw new IllegalStateException("alert " + id + " in state " + state + " is not re-armed by " + rate);
        }
        return withState(AlertState.ARMED);
    }

    /** FIRED re-arm move alert back to ARMED because the move fell back under half its percent. */
    public Alert rearmOnMove(BigDecimal signedPercent) {
        if (!rearmsOnMove(signedPercent)) {
            throw new IllegalStateException("alert " + id + " in state " + state + " is not re-armed by a move of "
                    + signedPercent + "%");
        }
        return withState(AlertState.ARMED);
    }

    /**
     * To EXPIRED for good, from any other state once {@code now} reached {@code expiresAt}, with the owner's notice
     * ({@link Firing#expiryNotice}) as its pending push. Refused while another push is pending: that one is
     * delivered first (the stores' sweep waits for it), so no push is lost.
     */
    public Alert expire(Instant now) {
        if (expiresAt == null || now.isBefore(expiresAt) || state == AlertState.EXPIRED) {
            throw new IllegalStateException("alert " + id + " in state " + state + " does not expire at " + now);
        }
        if (pushPending) {
            throw new IllegalStateException("alert " + id + " still has a push pending");
        }
        Firing notice = Firing.expiryNotice(this, now);
        return new Alert(id, owner, pair, direction, threshold, mode, AlertState.EXPIRED, rearmBand, createdAt,
                firedAt, fireCount, note, notice, true, PushState.due(now), kind, move, expiresAt, snoozedUntil);
    }

    /** Telegram accepted the push for the last firing. */
    public Alert pushDelivered() {
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, false, push, kind, move, expiresAt, snoozedUntil);
    }

    /** A sending round ended without Telegram accepting the pending push: one more attempt, due again later. */
    public Alert pushFailed(Instant nextAttemptAt) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        requirePendingPush("count a failed round of");
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, true,
                new PushState(push.attempts() + 1, nextAttemptAt, push.outcomeUnknown(), null), kind, move, expiresAt, snoozedUntil);
    }

    /** The pending push is given up for good with {@code reason}; it is never sent again. */
    public Alert pushDeadLettered(String reason, boolean outcomeUnknown) {
        Objects.requireNonNull(reason, "reason");
        requirePendingPush("dead-letter");
        return new Alert(id, owner, pair, direction, threshold, mode, state, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, false,
                new PushState(push.attempts(), push.nextAttemptAt(), outcomeUnknown, reason), kind, move, expiresAt, snoozedUntil);
    }

    private void requirePendingPush(String what) {
        if (!pushPending) {
            throw new IllegalStateException("alert " + id + " has no pending push to " + what);
        }
    }

    /** Owner pauses: an ARMED or FIRED alert stops firing until resumed. */
    public Alert pause() {
        if (state == AlertState.PAUSED || state == AlertState.EXPIRED) {
            throw new IllegalStateException("alert " + id + " is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        return withState(AlertState.PAUSED);
    }

    /** Owner resumes a PAUSED alert or re-arms a FIRED one by hand. */
    public Alert resume() {
        if (state == AlertState.ARMED || state == AlertState.EXPIRED) {
            throw new IllegalStateException("alert " + id + " is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        return withState(AlertState.ARMED);
    }

    private Alert withState(AlertState next) {
        return new Alert(id, owner, pair, direction, threshold, mode, next, rearmBand, createdAt, firedAt,
                fireCount, note, lastFiring, pushPending, push, kind, move, expiresAt, snoozedUntil);
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
