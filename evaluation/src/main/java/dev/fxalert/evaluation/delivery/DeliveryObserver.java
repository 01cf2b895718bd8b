package dev.fxalert.evaluation.delivery;

/**
 * Sees every send attempt, e.g. so the admin API can show pushes sent/failed and the event-to-push lag.
 * Called from sender threads; implementations must be thread-safe and quick, and must not throw.
 */
@FunctionalInterface
public interface DeliveryObserver {

    DeliveryObserver NONE = report -> {
    };

    void onAttempt(DeliveryReport report);
}
