package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
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

    String pause(Messages messages, String userId, String alertId) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.EXPIRED) {
            return messages.text(Msg.ACTION_EXPIRED, alertId);
        }
        if (before.get().state() == AlertState.PAUSED) {
            return messages.text(Msg.ACTION_ALREADY_PAUSED, alertId);
        }
        return alerts.pause(userId, alertId)
                .map(alert -> messages.text(Msg.ACTION_PAUSED, alertId, Formats.condition(messages, alert)))
                .orElseGet(() -> notFound(messages, alertId));
    }

    String resume(Messages messages, String userId, String alertId) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.EXPIRED) {
            return messages.text(Msg.ACTION_EXPIRED, alertId);
        }
        if (before.get().state() == AlertState.ARMED) {
            return messages.text(Msg.ACTION_ALREADY_ARMED, alertId, Formats.condition(messages, before.get()));
        }
        return alerts.resume(userId, alertId)
                .map(alert -> messages.text(Msg.ACTION_ARMED, alertId, Formats.condition(messages, alert)))
                .orElseGet(() -> notFound(messages, alertId));
    }

    String delete(Messages messages, String userId, String alertId) {
        return alerts.delete(userId, alertId)
                ? messages.text(Msg.ACTION_DELETED, alertId) : notFound(messages, alertId);
    }

    static String notFound(Messages messages, String alertId) {
        return messages.text(Msg.ACTION_NOT_FOUND, alertId);
    }
}
