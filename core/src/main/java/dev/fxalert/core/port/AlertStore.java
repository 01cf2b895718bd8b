package dev.fxalert.core.port;

import dev.fxalert.core.domain.Alert;

import java.time.Instant;
import java.util.List;

/**
 * Where alerts live: one port for the adapters (embedded H2, DynamoDB), made of one view per consumer so that each
 * consumer depends only on what it uses, and a test fake implements only that view:
 * <ul>
 *   <li>{@link OwnerAlerts}: the owner's commands in the bot;</li>
 *   <li>{@link EvaluationAlerts}: evaluation and delivery;</li>
 *   <li>{@link OperatorAlerts}: the admin API;</li>
 *   <li>{@link WatchedPairs}: ingestion.</li>
 * </ul>
 * {@code StoreContractTest} specifies all of them, unchanged, against both stores.
 */
public interface AlertStore extends OwnerAlerts, EvaluationAlerts, OperatorAlerts, WatchedPairs {

    int DEFAULT_MAX_ALERTS_PER_USER = 50;

    /** Later than any next-attempt time a store holds; both stores can represent it. */
    Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Every pending push whatever its next-attempt time, earliest next attempt first (counts and tests). */
    @Override
    default List<Alert> findPendingPushes(int limit) {
        return findPendingPushes(LATEST, limit);
    }
}
