package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OwnerAlerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pause, resume, delete, snooze and move the target, shared by the slash commands and the inline buttons. Owner-scoped by the store:
 * another person's id reads exactly like an id that does not exist.
 */
final class AlertActions {

    private final OwnerAlerts alerts;
    private final Clock clock;

    AlertActions(OwnerAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Issue 14: no push for the alert for {@code length} (Alert's Javadoc states the rule); the end in the user's zone. */
    String snooze(Messages messages, User user, String alertId, Duration length) {
        Optional<Alert> before = alerts.get(user.id(), alertId);
        if (before.isEmpty()) {
            return notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.PAUSED) {
            return messages.text(Msg.ACTION_SNOOZE_PAUSED, alertId);
        }
        Instant until = clock.instant().plus(length);
        return alerts.snooze(user.id(), alertId, until)
                .map(alert -> alert.state() == AlertState.PAUSED
                        ? messages.text(Msg.ACTION_SNOOZE_PAUSED, alertId)
                        : messages.text(Msg.ACTION_SNOOZED, alertId, Messages.time(until, user.zone())))
                .orElseGet(() -> notFound(messages, alertId));
    }

    /** Issue 14: the target moved by {@code percent} (rounded to the pair's quoted precision) and armed there. */
    String move(Messages messages, String userId, String alertId, BigDecimal percent) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.PAUSED) {
            return messages.text(Msg.ACTION_MOVE_PAUSED, alertId);
        }
        // found by the language walk (issue 15 audit, branch quiet15b): these have no target to move
        if (before.get().isMove()) {
            return messages.text(Msg.ACTION_MOVE_NO_TARGET, alertId);
        }
        if (before.get().state() == AlertState.EXPIRED) {
            return messages.text(Msg.ACTION_MOVE_EXPIRED, alertId);
        }
        BigDecimal target = before.get().thresholdMovedBy(percent);
        return alerts.moveThreshold(userId, alertId, target)
                .map(alert -> alert.state() == AlertState.PAUSED
                        ? messages.text(Msg.ACTION_MOVE_PAUSED, alertId)
                        : messages.text(Msg.ACTION_MOVED, alertId, Formats.condition(messages, alert)))
                .orElseGet(() -> notFound(messages, alertId));
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
