package dev.fxalert.evaluation.message;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.ChartCallback;
import dev.fxalert.core.domain.ChartPeriod;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.i18n.RateTexts;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.RateSources.Cadence;

import java.time.Instant;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The push for a fired alert: pair, new rate, threshold and direction (for a percent-move alert, issue 14: the move
 * in percent over its window, from the base rate to the new one), what the rate is (the same words as /rate:
 * {@link RateTexts}, e.g. "ECB reference rate, 2026-11-25 16:00 CET"), the owner's note, and buttons: first the
 * actions on the push (issue 14: snooze it, move its target, pause or delete it; handled by the bot through
 * {@link AlertCallback}, a press edits the push), then a row with the pair's chart ({@link ChartCallback}) and
 * Share (issue 16). An expiry notice (issue 14) carries only a Delete button.
 * Texts come from the same catalogues as the bot's replies ({@link Messages}), so numbers read alike in both.
 * Plain text: a note can never break formatting. A publication's time is in its publisher's zone (it names the
 * table); any other observation time is in the owner's zone, with its abbreviation.
 */
public final class PushMessages {

    /** Room for the quiet-hours summary's lines, under Telegram's 4,096 characters with the last line to spare. */
    private static final int MAX_SUMMARY_LENGTH = 3_900;

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
                    messages.window(alert.move()), firing.base(), firing.rate()));
        } else {
            text.append(messages.text(Msg.PUSH_FIRED, alert.pair().toString(), firing.rate(),
                    selector(alert.direction()), alert.threshold()));
        }
        // A move alert watches the mid rate, so its kind (MID) names the source as for any mid-rate alert.
        text.append('\n').append(messages.text(Msg.PUSH_SOURCE, RateTexts.whatItIsIn(messages, firing.provider(),
                firing.observedAt(), alert.kind(), Cadence.ofSource(firing.provider()), zone)));
        if (alert.note() != null) {
            text.append('\n').append(messages.text(Msg.PUSH_NOTE, alert.note()));
        }
        text.append('\n');
        if (alert.mode() == AlertMode.REARM && alert.isMove()) {
            text.append(messages.text(Msg.PUSH_MOVE_REARMS, alert.id(), alert.rearmBoundary()));
        } else if (alert.mode() == AlertMode.REARM) {
            Direction back = alert.direction() == Direction.ABOVE ? Direction.BELOW : Direction.ABOVE;
            text.append(messages.text(Msg.PUSH_REARMS, alert.id(), selector(back), alert.rearmBoundary()));
        } else if (alert.isMove()) {
            text.append(messages.text(Msg.PUSH_MOVE_FIRED_ONCE, alert.id())); // no target to move
        } else {
            text.append(messages.text(Msg.PUSH_FIRED_ONCE, alert.id()));
        }
        return new OutgoingMessage(alert.owner().chatId(), text.toString(), keyboard(alert, messages));
    }

    /**
     * The whole keyboard of a push: {@link #actionButtons} (issue 14), then [Chart, Share] (issue 16). Public so
     * that the bot can show the same keyboard again when it edits the push after a press.
     */
    public static List<List<OutgoingMessage.Button>> keyboard(Alert alert, Messages messages) {
        // a percent move has no target rate to move (Alert.moveThreshold refuses it): no move-target row
        List<List<OutgoingMessage.Button>> rows = new java.util.ArrayList<>(
                actionButtons(alert.id(), messages, !alert.isMove()));
        rows.add(List.of(chartButton(alert, messages),
                // a list's Share (a:share:<id>), not a push action: the bot answers with a new message holding the
                // link and leaves the push as it is
                new OutgoingMessage.Button(messages.text(Msg.BUTTON_SHARE),
                        new AlertCallback(AlertCallback.Action.SHARE, alert.id()).encode())));
        return List.copyOf(rows);
    }

    /**
     * Quiet hours (issue 15): one message for the pushes held during the owner's quiet hours. A line per alert
     * (pair, condition, the rate it fired at and when, its id), oldest firing first, after the latest rate of each
     * pair among them (the newest observation of those firings) with its source and time. No buttons: there is
     * one message for many alerts; /alerts has them. Lines that would pass Telegram's length limit are counted.
     */
    public OutgoingMessage quietSummary(List<Alert> held, long chatId, String language, ZoneId zone) {
        if (held.isEmpty()) {
            throw new IllegalArgumentException("no held pushes");
        }
        Messages messages = Messages.forCode(language);
        List<Alert> ordered = new java.util.ArrayList<>(held);
        ordered.sort(java.util.Comparator.comparing((Alert a) -> a.lastFiring().firedAt()).thenComparing(Alert::id));
        java.util.Map<String, Firing> latest = new java.util.LinkedHashMap<>();
        List<String> lines = new java.util.ArrayList<>();
        for (Alert alert : ordered) {
            Firing firing = Objects.requireNonNull(alert.lastFiring(), "alert has not fired");
            lines.add(quietLine(alert, firing, messages, zone));
            if (!firing.isExpiryNotice()) { // a notice carries no rate of its own (Firing#expiryNotice)
                latest.merge(alert.pair().toString(), firing, (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
            }
        }
        // an expiry notice did not fire: the header counts it apart (issue 15, branch quiet15b)
        long expired = ordered.stream().filter(alert -> alert.lastFiring().isExpiryNotice()).count();
        StringBuilder text = new StringBuilder(expired == 0 ? messages.text(Msg.PUSH_QUIET_SUMMARY, ordered.size())
                : messages.text(Msg.PUSH_QUIET_SUMMARY_WITH_EXPIRED, ordered.size() - expired, expired));
        latest.forEach((pair, firing) -> text.append('\n').append(messages.text(Msg.PUSH_QUIET_LATEST, pair,
                firing.rate(), firing.provider(), Messages.time(firing.observedAt(), zone))));
        // Telegram refuses texts over 4,096 characters: 50 alerts' lines can come near it, so the rest is counted.
        int shown = 0;
        for (String line : lines) {
            if (text.length() + line.length() + 1 > MAX_SUMMARY_LENGTH) {
                break;
            }
            text.append('\n').append(line);
            shown++;
        }
        if (shown < lines.size()) {
            text.append('\n').append(messages.text(Msg.PUSH_QUIET_MORE, lines.size() - shown));
        }
        return new OutgoingMessage(chatId, text.toString(), List.of());
    }

    /**
     * One held push's line in the quiet-hours summary (issue 15), worded as its own push would be: a percent move
     * as a move over its window, an expiry notice as an expiry, a threshold as the rate it fired at.
     */
    private static String quietLine(Alert alert, Firing firing, Messages messages, ZoneId zone) {
        if (firing.isExpiryNotice()) {
            return messages.text(Msg.PUSH_QUIET_LINE_EXPIRED, alert.id(), expiryCondition(alert, messages),
                    Messages.time(expiredAt(alert), zone));
        }
        if (alert.isMove() && firing.base() != null) {
            return messages.text(Msg.PUSH_QUIET_LINE_MOVE, alert.pair().toString(),
                    Messages.signedPercent(firing.movePercent()), messages.window(alert.move()), firing.base(), firing.rate(),
                    Messages.time(firing.firedAt(), zone), alert.id());
        }
        return messages.text(Msg.PUSH_QUIET_LINE, alert.pair().toString(), selector(alert.direction()),
                alert.threshold(), firing.rate(), Messages.time(firing.firedAt(), zone), alert.id());
    }

    /**
     * Issue 14: the owner's one notice that the alert expired (its pending push, {@link Firing#expiryNotice}), with
     * only a delete button: an expired alert cannot be re-armed or paused.
     */
    private static OutgoingMessage expired(Alert alert, Messages messages, ZoneId zone) {
        String text = messages.text(Msg.PUSH_EXPIRED, alert.id(), expiryCondition(alert, messages),
                Messages.time(expiredAt(alert), zone));
        return new OutgoingMessage(alert.owner().chatId(), text, List.of(List.of(
                button(messages.text(Msg.BUTTON_DELETE), AlertCallback.Action.DELETE, alert.id()))));
    }

    /** What an expired alert watched, as the bot's {@code Formats.condition}: a bank's rate is named, the mid rate is not. */
    private static String expiryCondition(Alert alert, Messages messages) {
        if (alert.isMove()) {
            return messages.text(Msg.FORMAT_MOVE_CONDITION, alert.pair().toString(),
                    alert.move().way().name().toLowerCase(Locale.ROOT), alert.threshold(), messages.window(alert.move()));
        }
        String plain = messages.text(Msg.FORMAT_CONDITION, alert.pair().toString(), selector(alert.direction()),
                alert.threshold());
        return alert.kind().keyword()
                .map(keyword -> messages.text(Msg.FORMAT_CONDITION_KIND, plain, keyword)).orElse(plain);
    }

    private static Instant expiredAt(Alert alert) {
        return alert.expiresAt() != null ? alert.expiresAt() : alert.lastFiring().firedAt();
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
        return actionButtons(alertId, messages, true);
    }

    private static List<List<OutgoingMessage.Button>> actionButtons(String alertId, Messages messages,
                                                                    boolean moveTarget) {
        List<List<OutgoingMessage.Button>> rows = new java.util.ArrayList<>();
        rows.add(List.of(button(messages.text(Msg.BUTTON_SNOOZE_1H), AlertCallback.Action.SNOOZE_1H, alertId),
                button(messages.text(Msg.BUTTON_SNOOZE_1D), AlertCallback.Action.SNOOZE_1D, alertId)));
        if (moveTarget) {
            rows.add(List.of(move(messages, AlertCallback.Action.DOWN_1, alertId),
                    move(messages, AlertCallback.Action.DOWN_05, alertId),
                    move(messages, AlertCallback.Action.UP_05, alertId),
                    move(messages, AlertCallback.Action.UP_1, alertId)));
        }
        rows.add(List.of(button(messages.text(Msg.BUTTON_PAUSE), AlertCallback.Action.PAUSE, alertId),
                button(messages.text(Msg.BUTTON_DELETE), AlertCallback.Action.DELETE, alertId)));
        return List.copyOf(rows);
    }

    private static OutgoingMessage.Button move(Messages messages, AlertCallback.Action action, String alertId) {
        BigDecimal percent = action.percent();
        String signed = (percent.signum() > 0 ? "+" : "−") + Messages.number(percent.abs());
        return button(messages.text(Msg.BUTTON_MOVE_TARGET, signed), action, alertId);
    }

    /** charts (issue 16): the pair's 30-day chart with this alert's threshold on it. */
    private static OutgoingMessage.Button chartButton(Alert alert, Messages messages) {
        return new OutgoingMessage.Button(messages.text(Msg.BUTTON_CHART),
                new ChartCallback(alert.pair(), ChartPeriod.DEFAULT).encode());
    }

    private static OutgoingMessage.Button button(String label, AlertCallback.Action action, String alertId) {
        return new OutgoingMessage.Button(label, new AlertCallback(action, alertId, true).encode());
    }
}
