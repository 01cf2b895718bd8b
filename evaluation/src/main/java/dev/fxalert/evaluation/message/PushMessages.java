package dev.fxalert.evaluation.message;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

import java.time.Instant;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The push for a fired alert: pair, new rate, threshold and direction, provider and observation time, the owner's
 * note, and buttons to snooze it, move its target, pause or delete it (handled by the bot through
 * {@link AlertCallback}).
 * Texts come from the same catalogues as the bot's replies ({@link Messages}), so numbers read alike in both.
 * Plain text: a note can never break formatting. The time is in the owner's zone, with its abbreviation.
 */
public final class PushMessages {

    /** The message for the alert's last firing in English or Korean, with the observation time in UTC. */
    public OutgoingMessage fired(Alert alert, String language) {
        return fired(alert, language, ZoneId.of("UTC"));
    }

    /**
     * The message for the alert's last firing, in {@code language} (a language code; null means English), with the
     * observation time in the owner's {@code zone} ({@link dev.fxalert.core.domain.User#zone()}).
     */
    public OutgoingMessage fired(Alert alert, String language, ZoneId zone) {
        Firing firing = Objects.requireNonNull(alert.lastFiring(), "alert has not fired");
        Messages messages = Messages.forCode(language);
        if (firing.isExpiryNotice()) {
            return expired(alert, messages, zone);
        }
        StringBuilder text = new StringBuilder();
        if (alert.isMove() && firing.base() != null) {
            text.append(messages.text(Msg.PUSH_MOVED, alert.pair().toString(), Messages.signedPercent(firing.movePercent()),
                    alert.move().label(), firing.base(), firing.rate()));
        } else {
            text.append(messages.text(Msg.PUSH_FIRED, alert.pair().toString(), firing.rate(),
                    selector(alert.direction()), alert.threshold()));
        }
        text.append('\n').append(messages.text(Msg.PUSH_SOURCE, firing.provider(), Messages.time(firing.observedAt(), zone)));
        if (alert.note() != null) {
            text.append('\n').append(messages.text(Msg.PUSH_NOTE, alert.note()));
        }
        text.append('\n');
        if (alert.mode() == AlertMode.REARM && alert.isMove()) {
            text.append(messages.text(Msg.PUSH_MOVE_REARMS, alert.id(), alert.rearmBoundary()));
        } else if (alert.mode() == AlertMode.REARM) {
            Direction back = alert.direction() == Direction.ABOVE ? Direction.BELOW : Direction.ABOVE;
            text.append(messages.text(Msg.PUSH_REARMS, alert.id(), selector(back), alert.rearmBoundary()));
        } else {
            text.append(messages.text(Msg.PUSH_FIRED_ONCE, alert.id()));
        }
        return new OutgoingMessage(alert.owner().chatId(), text.toString(), actionButtons(alert.id(), messages));
    }

    /**
     * Issue 14: the owner's one notice that the alert expired (its pending push, {@link Firing#expiryNotice}), with
     * only a delete button: an expired alert cannot be re-armed or paused.
     */
    private static OutgoingMessage expired(Alert alert, Messages messages, ZoneId zone) {
        String condition = alert.isMove()
                ? messages.text(Msg.FORMAT_MOVE_CONDITION, alert.pair().toString(),
                        alert.move().way().name().toLowerCase(Locale.ROOT), alert.threshold(), alert.move().label())
                : messages.text(Msg.FORMAT_CONDITION, alert.pair().toString(), selector(alert.direction()),
                        alert.threshold());
        Instant at = alert.expiresAt() != null ? alert.expiresAt() : alert.lastFiring().firedAt();
        String text = messages.text(Msg.PUSH_EXPIRED, alert.id(), condition, Messages.time(at, zone));
        return new OutgoingMessage(alert.owner().chatId(), text, List.of(List.of(
                button(messages.text(Msg.BUTTON_DELETE), AlertCallback.Action.DELETE, alert.id()))));
    }

    /** The catalogues' {@code select} keyword for a direction. */
    private static String selector(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The buttons on a push (issue 14): Snooze 1h / 1d; move the target -1%, -0.5%, +0.5%, +1%; Pause, Delete. Each
     * press is answered by editing the push ({@link AlertCallback#onPush()}); the bot shows them again after a press.
     */
    public static List<List<OutgoingMessage.Button>> actionButtons(String alertId, Messages messages) {
        return List.of(
                List.of(button(messages.text(Msg.BUTTON_SNOOZE_1H), AlertCallback.Action.SNOOZE_1H, alertId),
                        button(messages.text(Msg.BUTTON_SNOOZE_1D), AlertCallback.Action.SNOOZE_1D, alertId)),
                List.of(move(messages, AlertCallback.Action.DOWN_1, alertId),
                        move(messages, AlertCallback.Action.DOWN_05, alertId),
                        move(messages, AlertCallback.Action.UP_05, alertId),
                        move(messages, AlertCallback.Action.UP_1, alertId)),
                List.of(button(messages.text(Msg.BUTTON_PAUSE), AlertCallback.Action.PAUSE, alertId),
                        button(messages.text(Msg.BUTTON_DELETE), AlertCallback.Action.DELETE, alertId)));
    }

    private static OutgoingMessage.Button move(Messages messages, AlertCallback.Action action, String alertId) {
        BigDecimal percent = action.percent();
        String signed = (percent.signum() > 0 ? "+" : "−") + Messages.number(percent.abs());
        return button(messages.text(Msg.BUTTON_MOVE_TARGET, signed), action, alertId);
    }

    private static OutgoingMessage.Button button(String label, AlertCallback.Action action, String alertId) {
        return new OutgoingMessage.Button(label, new AlertCallback(action, alertId, true).encode());
    }
}
