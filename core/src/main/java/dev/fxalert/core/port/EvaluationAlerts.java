package dev.fxalert.core.port;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.RateKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The alerts as evaluation and delivery see them: the crossed and re-armable alerts of a new rate (read by range,
 * never by scanning: only the alerts returned plus at most one page of the underlying store), the conditional
 * state transitions, and the pending-push outbox. One of the consumer views {@link AlertStore} is made of.
 */
public interface EvaluationAlerts extends ChatAlerts {

    /** ARMED alerts on {@code pair}'s mid rate that {@code rate} fires: {@link #findCrossed(CurrencyPair, RateKind, BigDecimal)}. */
    default List<Alert> findCrossed(CurrencyPair pair, BigDecimal rate) {
        return findCrossed(pair, RateKind.MID, rate);
    }

    /**
     * ARMED alerts on {@code kind} of {@code pair}'s rates that {@code rate} fires, read by range on the threshold
     * within that pair and kind, without scanning: an alert on another kind is never read.
     */
    List<Alert> findCrossed(CurrencyPair pair, RateKind kind, BigDecimal rate);

    /** FIRED re-arm alerts on {@code pair}'s mid rate that {@code rate} re-arms. */
    default List<Alert> findRearmable(CurrencyPair pair, BigDecimal rate) {
        return findRearmable(pair, RateKind.MID, rate);
    }

    /** FIRED re-arm alerts on {@code kind} of {@code pair} that {@code rate} re-arms, read by range on the boundary. */
    List<Alert> findRearmable(CurrencyPair pair, RateKind kind, BigDecimal rate);

    /**
     * ARMED to FIRED, conditional on the alert still being ARMED and its last firing not being this event,
     * recording {@code firing} as its pending push. Concurrent or repeated calls (same event or not) succeed exactly
     * once; an event delivered again after the alert re-armed does not fire it again (one publication, one push).
     *
     * @return true only for the caller whose write made the transition
     */
    boolean markFired(String alertId, Firing firing);

    /**
     * {@link #markFired(String, Firing)} for an alert just read by {@link #findCrossed} (its id and mode, which
     * never change, are all the adapter uses of it: no second read), with the push due at {@code dueAt} instead of
     * the firing time. Evaluation spreads a fan-out's pushes over the slots they will be sent in, so the outbox's
     * order ({@link #findPendingPushes}) interleaves a later small event with a large one (docs/delivery.md).
     */
    boolean markFired(Alert alert, Firing firing, Instant dueAt);

    /** FIRED to ARMED for a re-arm alert, conditional on it still being FIRED; true only for the winner. */
    boolean rearm(String alertId);

    /**
     * Alerts whose push for their last firing has not been accepted by Telegram yet and is due: next-attempt time
     * at or before {@code dueBy}, earliest next attempt first (a firing is due at its firing time; a failed round
     * moves it back by {@link #recordPushFailure}), so pushes that keep failing cannot starve newer ones.
     */
    List<Alert> findPendingPushes(Instant dueBy, int limit);


    /** Clears the pending push if it is still the one of {@code eventId}; true when this call cleared it. */
    boolean markPushDelivered(String alertId, String eventId);

    /**
     * A sending round ended without Telegram accepting the push of {@code eventId}: one more attempt, next one not
     * before {@code nextAttemptAt}. False (and nothing changed) when that push is no longer pending.
     */
    boolean recordPushFailure(String alertId, String eventId, Instant nextAttemptAt);

    /**
     * Quiet hours (issue 15): the pending push of {@code eventId} is held, next due at {@code dueAt} (the end of the
     * owner's quiet hours), without counting an attempt. It stays pending in the outbox meanwhile, so a crash or
     * restart during quiet hours loses nothing. False (and nothing changed) when that push is no longer pending.
     */
    boolean holdPush(String alertId, String eventId, Instant dueAt);

    /**
     * Gives the pending push of {@code eventId} up for good: no longer pending, never sent again, kept with
     * {@code reason} for the operator ({@link #findDeadLetters}). {@code outcomeUnknown} marks a push whose last
     * request got no answer after it was written (Telegram may have shown it). True when this call ended it.
     */
    boolean deadLetterPush(String alertId, String eventId, String reason, boolean outcomeUnknown);

    /** The user's chat moved ({@link UserStore#moveChat}): their alerts now push to {@code newChatId}. */
    @Override
    int moveChat(String userId, long newChatId);

    /** Pauses every ARMED or FIRED alert of the user (they blocked the bot); returns how many changed. */
    @Override
    int pauseAllOf(String userId);

    // issue 14: percent-move alerts and expiry (branch move14)

    /**
     * The windows the pair's percent-move alerts use, from a registry kept at create that only grows (a window
     * costs a few bytes): never a read of the alerts, so evaluation computes one move per window present.
     */
    Set<Duration> moveWindows(CurrencyPair pair);

    /**
     * ARMED percent-move alerts on {@code pair} and {@code window} that a move of {@code signedPercent} fires
     * ({@link Alert#firesOnMove}): one range read on the percent per way the move can fire (up or down, and
     * either), so only the alerts fired are read, never the others of the pair.
     */
    List<Alert> findMoved(CurrencyPair pair, Duration window, BigDecimal signedPercent);

    /** FIRED re-arm move alerts that a move of {@code signedPercent} re-arms, by range on the re-arm boundary. */
    List<Alert> findMoveRearmable(CurrencyPair pair, Duration window, BigDecimal signedPercent);

    /**
     * Alerts not EXPIRED yet whose expiry is at or before {@code now}, earliest first, at most {@code limit}: a
     * range read on an index holding only alerts that are still to expire (an expired one leaves it).
     */
    List<Alert> findExpiring(Instant now, int limit);

    /**
     * To EXPIRED, conditional on the alert not being EXPIRED and having no push pending (a pending push is
     * delivered first; a later sweep expires it), recording {@code notice} ({@link
     * dev.fxalert.core.domain.Firing#expiryNotice}) as its pending push, due at its time: the outbox tells the
     * owner once. Leaves every evaluation index and the expiry index. True only for the caller whose write did it.
     */
    boolean markExpired(String alertId, dev.fxalert.core.domain.Firing notice);
}
