package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.ChartCallback;

import java.util.Locale;
import java.util.Optional;

/**
 * The slash command a button stands for (or, for a step of guided creation, the text to type), so a transport
 * without buttons (the console) can show them as text.
 */
public final class ButtonCommands {

    private ButtonCommands() {
    }

    public static Optional<String> commandFor(String callbackData) {
        AlertCallback callback = AlertCallback.decode(callbackData);
        if (callback != null) {
            AlertCallback.Action action = callback.action();
            if (action.snooze() != null) {
                return Optional.of("/snooze " + callback.alertId() + " " + SnoozeCommand.typed(action.snooze()));
            }
            if (action.percent() != null) {
                return Optional.of("/move " + callback.alertId() + " " + MoveCommand.typed(action.percent()));
            }
            String verb = action == AlertCallback.Action.REARM ? "resume" : action.name().toLowerCase(Locale.ROOT);
            return Optional.of("/" + verb + " " + callback.alertId());
        }
        ChartCallback chart = ChartCallback.decode(callbackData);
        if (chart != null) {
            return Optional.of("/chart " + chart.pair().base() + " " + chart.pair().quote() + " " + chart.period().code());
        }
        Optional<AlertRequest> copy = AlertLink.decodeCreate(callbackData);
        if (copy.isPresent()) {
            return Optional.of(AlertLink.command(copy.get()));
        }
        Optional<String> draftStep = GuidedAlert.typedFor(callbackData);
        if (draftStep.isPresent()) {
            return draftStep; // guided creation takes the button's answer typed as well
        }
        int page = AlertsView.decodePage(callbackData);
        return page > 0 ? Optional.of("/alerts " + page) : SettingsCommand.commandFor(callbackData);
    }
}
