package dev.fxalert.core.port;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Firing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where alerts live. Owner-facing operations are scoped to the owner: another user's alert id behaves exactly
 * as an id that does not exist. Evaluation-facing reads never scan: they read only the alerts they return
 * (plus at most one page of the underlying store).
 */
public interface AlertStore {

    int DEFAULT_MAX_ALERTS_PER_USER = 50;

    /**
     * Stores a new alert; idempotent by id, so a redelivered command that derives its alert id from the update
     * it came in creates the alert once: when the owner already has an alert with this id, that stored alert is
     * returned as it is now, nothing changes and the limit is not checked. Concurrent creates of one id store one.
     *
     * @return the stored alert
     * @throws AlertLimitExceededException when the owner already has the configured maximum
     * @throws IllegalArgumentException    when another owner has an alert with this id
     */
    Alert create(Alert alert);

    /** The owner's alerts, oldest first. */
    List<Alert> listByOwner(String userId);

    Optional<Alert> get(String userId, String alertId);

    /** Any owner's alert by id: for the operator, who acts on an alert from a listing. */
    Optional<Alert> findById(String alertId);

    /** @return false when the owner has no alert with that id */
    boolean delete(String userId, String alertId);

    /** Pauses an ARMED or FIRED alert; an already paused one is returned as it is. Empty when not found. */
    Optional<Alert> pause(String userId, String alertId);

    /** Arms a PAUSED or FIRED alert; an already armed one is returned as it is. Empty when not found. */
    Optional<Alert> resume(String userId, String alertId);

    /** The user's chat moved ({@link UserStore#moveChat}): their alerts now push to {@code newChatId}. */
    int moveChat(String userId, long newChatId);

    /** Pauses every ARMED or FIRED alert of the user (they blocked the bot); returns how many changed. */
    int pauseAllOf(String userId);

    /** ARMED alerts on {@code pair} that {@code rate} fires, read by range on the threshold, without scanning. */
    List<Alert> findCrossed(CurrencyPair pair, BigDecimal rate);

    /** FIRED re-arm alerts on {@code pair} that {@code rate} re-arms, read by range on the re-arm boundary. */
    List<Alert> findRearmable(CurrencyPair pair, BigDecimal rate);

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

    /** Every pending push whatever its next-attempt time, in the same order (counts and tests). */
    default List<Alert> findPendingPushes(int limit) {
        return findPendingPushes(LATEST, limit);
    }

    /** Later than any next-attempt time a store holds; both stores can represent it. */
    Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Clears the pending push if it is still the one of {@code eventId}; true when this call cleared it. */
    boolean markPushDelivered(String alertId, String eventId);

    /**
     * A sending round ended without Telegram accepting the push of {@code eventId}: one more attempt, next one not
     * before {@code nextAttemptAt}. False (and nothing changed) when that push is no longer pending.
     */
    boolean recordPushFailure(String alertId, String eventId, Instant nextAttemptAt);

    /**
     * Gives the pending push of {@code eventId} up for good: no longer pending, never sent again, kept with
     * {@code reason} for the operator ({@link #findDeadLetters}). {@code outcomeUnknown} marks a push whose last
     * request got no answer after it was written (Telegram may have shown it). True when this call ended it.
     */
    boolean deadLetterPush(String alertId, String eventId, String reason, boolean outcomeUnknown);

    /** Pushes given up with a reason, most recent firing first: what the operator lists. */
    List<Alert> findDeadLetters(int limit);

    /** Pairs of ARMED or FIRED alerts: what ingestion must fetch. */
    Set<CurrencyPair> watchedPairs();

    Map<AlertState, Long> countByState();

    /** Operator listing, filtered and paginated by an opaque cursor. */
    AlertPage list(AlertQuery query);
}
