package dev.fxalert.core.port;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertLimitExceededException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alerts as their owner's commands see them ({@code /alert}, {@code /alerts}, pause, resume, delete): every
 * operation is scoped to the owner, so another user's alert id behaves exactly as an id that does not exist.
 * One of the consumer views {@link AlertStore} is made of; the contract suite runs them against both stores.
 * As {@link ChatAlerts} it also follows the owner's chat (a group upgraded, the bot removed from it; issue 16).
 */
public interface OwnerAlerts extends ChatAlerts {

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

    // Issue 14, actions on the push: snooze and move the target (Alert#snooze, Alert#moveThreshold).

    /**
     * Snoozes an ARMED or FIRED alert until {@code until}: its push for a firing before then, and one already
     * pending, is due at {@code until}. A paused one is returned as it is. Empty when not found.
     */
    Optional<Alert> snooze(String userId, String alertId, Instant until);

    /**
     * Arms an ARMED or FIRED alert at {@code threshold} ({@link Alert#moveThreshold}). A paused one, or one that
     * fired while this ran, is returned as it is now. Empty when not found.
     */
    Optional<Alert> moveThreshold(String userId, String alertId, BigDecimal threshold);

    // Quiet hours released (issue 15, branch quiet15b).

    /**
     * The owner turned quiet hours off or changed them (or their zone): each of their pending pushes still held
     * until {@code heldUntil} (the quiet end {@link EvaluationAlerts#holdPush} gave it) is due at {@code dueAt}
     * instead, or at its snooze's end when that is later, without counting an attempt. Conditional per push on it
     * still being pending and held until {@code heldUntil}: a push delivered, failed or dead-lettered meanwhile is
     * left as it is (never pending again), and concurrent calls move each push once. Reads only the owner's alerts.
     *
     * @return how many pushes this call moved
     */
    int releaseHeldPushes(String userId, Instant heldUntil, Instant dueAt);
}
