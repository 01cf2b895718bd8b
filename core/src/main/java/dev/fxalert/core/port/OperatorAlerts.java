package dev.fxalert.core.port;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts as the operator's admin API sees them: listings, counts, dead letters, a user's alerts, pausing
 * everything of a user, and pausing, resuming or deleting one alert found by id. One of the consumer views {@link AlertStore} is made of.
 */
public interface OperatorAlerts {

    /** Every pending push whatever its next-attempt time, earliest next attempt first (counts and tests). */
    default List<Alert> findPendingPushes(int limit) {
        return findPendingPushes(AlertStore.LATEST, limit);
    }

    /** See {@link EvaluationAlerts#findPendingPushes(Instant, int)}. */
    List<Alert> findPendingPushes(Instant dueBy, int limit);

    /** Pushes given up with a reason, most recent firing first: what the operator lists. */
    List<Alert> findDeadLetters(int limit);

    /** Any owner's alert by id: for the operator, who acts on an alert from a listing. */
    Optional<Alert> findById(String alertId);

    /** The owner's alerts, oldest first. */
    List<Alert> listByOwner(String userId);

    /** See {@link OwnerAlerts#pause}. */
    Optional<Alert> pause(String userId, String alertId);

    /** See {@link OwnerAlerts#resume}. */
    Optional<Alert> resume(String userId, String alertId);

    /** See {@link OwnerAlerts#delete}. */
    boolean delete(String userId, String alertId);

    /** Pauses every ARMED or FIRED alert of the user (they blocked the bot); returns how many changed. */
    int pauseAllOf(String userId);

    Map<AlertState, Long> countByState();

    /** Operator listing, filtered and paginated by an opaque cursor. */
    AlertPage list(AlertQuery query);
}
