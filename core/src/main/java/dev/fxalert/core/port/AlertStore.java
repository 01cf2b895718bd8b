package dev.fxalert.core.port;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Firing;

import java.math.BigDecimal;
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

    /** @return false when the owner has no alert with that id */
    boolean delete(String userId, String alertId);

    /** Pauses an ARMED or FIRED alert; an already paused one is returned as it is. Empty when not found. */
    Optional<Alert> pause(String userId, String alertId);

    /** Arms a PAUSED or FIRED alert; an already armed one is returned as it is. Empty when not found. */
    Optional<Alert> resume(String userId, String alertId);

    /** Pauses every ARMED or FIRED alert of the user (they blocked the bot); returns how many changed. */
    int pauseAllOf(String userId);

    /** ARMED alerts on {@code pair} that {@code rate} fires, read by range on the threshold, without scanning. */
    List<Alert> findCrossed(CurrencyPair pair, BigDecimal rate);

    /** FIRED re-arm alerts on {@code pair} that {@code rate} re-arms, read by range on the re-arm boundary. */
    List<Alert> findRearmable(CurrencyPair pair, BigDecimal rate);

    /**
     * ARMED to FIRED, conditional on the alert still being ARMED, recording {@code firing} as its pending push.
     * Concurrent or repeated calls (same event or not) succeed exactly once.
     *
     * @return true only for the caller whose write made the transition
     */
    boolean markFired(String alertId, Firing firing);

    /** FIRED to ARMED for a re-arm alert, conditional on it still being FIRED; true only for the winner. */
    boolean rearm(String alertId);

    /** Alerts whose push for their last firing has not been accepted by Telegram yet, oldest firing first. */
    List<Alert> findPendingPushes(int limit);

    /** Clears the pending push if it is still the one of {@code eventId}; true when this call cleared it. */
    boolean markPushDelivered(String alertId, String eventId);

    /** Pairs of ARMED or FIRED alerts: what ingestion must fetch. */
    Set<CurrencyPair> watchedPairs();

    Map<AlertState, Long> countByState();

    /** Operator listing, filtered and paginated by an opaque cursor. */
    AlertPage list(AlertQuery query);
}
