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
    Done snooze(Messages messages, User user, String alertId, Duration length) {
        Optional<Alert> before = alerts.get(user.id(), alertId);
        if (before.isEmpty()) {
            return Done.notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.PAUSED) {
            return new Done(messages.text(Msg.ACTION_SNOOZE_PAUSED, alertId), before);
        }
        Instant until = clock.instant().plus(length);
        return alerts.snooze(user.id(), alertId, until)
                .map(alert -> new Done(alert.state() == AlertState.PAUSED
                        ? messages.text(Msg.ACTION_SNOOZE_PAUSED, alertId)
                        : messages.text(Msg.ACTION_SNOOZED, alertId, Messages.time(until, user.zone())), alert))
                .orElseGet(() -> Done.notFound(messages, alertId));
    }

    /** Issue 14: the target moved by {@code percent} (rounded to the pair's quoted precision) and armed there. */
    Done move(Messages messages, String userId, String alertId, BigDecimal percent) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return Done.notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.PAUSED) {
            return new Done(messages.text(Msg.ACTION_MOVE_PAUSED, alertId), before);
        }
        // found by the language walk (issue 15 audit, branch quiet15b): these have no target to move
        if (before.get().isMove()) {
            return new Done(messages.text(Msg.ACTION_MOVE_NO_TARGET, alertId), before);
        }
        if (before.get().state() == AlertState.EXPIRED) {
            return new Done(messages.text(Msg.ACTION_MOVE_EXPIRED, alertId), before);
        }
        BigDecimal target = before.get().thresholdMovedBy(percent);
        return alerts.moveThreshold(userId, alertId, target)
                .map(alert -> new Done(alert.state() == AlertState.PAUSED
                        ? messages.text(Msg.ACTION_MOVE_PAUSED, alertId)
                        : messages.text(Msg.ACTION_MOVED, alertId, Formats.condition(messages, alert)), alert))
                .orElseGet(() -> Done.notFound(messages, alertId));
    }

    Done pause(Messages messages, String userId, String alertId) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return Done.notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.EXPIRED) {
            return new Done(messages.text(Msg.ACTION_EXPIRED, alertId), before);
        }
        if (before.get().state() == AlertState.PAUSED) {
            return new Done(messages.text(Msg.ACTION_ALREADY_PAUSED, alertId), before);
        }
        return alerts.pause(userId, alertId)
                .map(alert -> new Done(messages.text(Msg.ACTION_PAUSED, alertId, Formats.condition(messages, alert)), alert))
                .orElseGet(() -> Done.notFound(messages, alertId));
    }

    Done resume(Messages messages, String userId, String alertId) {
        Optional<Alert> before = alerts.get(userId, alertId);
        if (before.isEmpty()) {
            return Done.notFound(messages, alertId);
        }
        if (before.get().state() == AlertState.EXPIRED) {
            return new Done(messages.text(Msg.ACTION_EXPIRED, alertId), before);
        }
        if (before.get().state() == AlertState.ARMED) {
            return new Done(messages.text(Msg.ACTION_ALREADY_ARMED, alertId, Formats.condition(messages, before.get())),
                    before);
        }
        return alerts.resume(userId, alertId)
                .map(alert -> new Done(messages.text(Msg.ACTION_ARMED, alertId, Formats.condition(messages, alert)), alert))
                .orElseGet(() -> Done.notFound(messages, alertId));
    }

    Done delete(Messages messages, String userId, String alertId) {
        return alerts.delete(userId, alertId)
                ? new Done(messages.text(Msg.ACTION_DELETED, alertId), Optional.empty()) : Done.notFound(messages, alertId);
    }

    static String notFound(Messages messages, String alertId) {
        return messages.text(Msg.ACTION_NOT_FOUND, alertId);
    }

    /**
     * What an action answers, and the alert as it is after it (also when the action was refused, e.g. already
     * paused): a press on a push redraws the push's keyboard from it without reading the alert again. Empty when
     * the alert is not there (or was just deleted).
     */
    record Done(String text, Optional<Alert> alert) {

        Done(String text, Alert alert) {
            this(text, Optional.of(alert));
        }

        static Done notFound(Messages messages, String alertId) {
            return new Done(AlertActions.notFound(messages, alertId), Optional.empty());
        }
    }
}
