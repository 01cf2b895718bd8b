package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.port.OwnerAlerts;

import java.util.Optional;

/**
 * Pause, resume and delete, shared by the slash commands and the inline buttons. Owner-scoped by the store:
 * another person's id reads exactly like an id that does not exist.
 */
final class AlertActions {

    private final OwnerAlerts alerts;

    AlertActions(OwnerAlerts alerts) {
        this.alerts = alerts;
    }

    String pause(String userId, String alertId) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return notFound(alertId);
        }
        if (before.get().state() == AlertState.PAUSED) {
            return "Alert " + alertId + " is already paused. /resume " + alertId + " arms it again.";
        }
        return alerts.pause(userId, alertId)
                .map(alert -> "Paused " + alertId + " (" + Formats.condition(alert) + "). /resume " + alertId
                        + " arms it again.")
                .orElseGet(() -> notFound(alertId));
    }

    String resume(String userId, String alertId) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return notFound(alertId);
        }
        if (before.get().state() == AlertState.ARMED) {
            return "Alert " + alertId + " is already armed (" + Formats.condition(before.get()) + ").";
        }
        return alerts.resume(userId, alertId)
                .map(alert -> "Armed " + alertId + " again: " + Formats.condition(alert) + ".")
                .orElseGet(() -> notFound(alertId));
    }

    String delete(String userId, String alertId) {
        return alerts.delete(userId, alertId) ? "Deleted alert " + alertId + "." : notFound(alertId);
    }

    static String notFound(String alertId) {
        return "I found no alert " + alertId + " of yours. /alerts lists them.";
    }
}
