package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertCallback;

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
        Optional<String> draftStep = GuidedAlert.typedFor(callbackData);
        if (draftStep.isPresent()) {
            return draftStep; // guided creation takes the button's answer typed as well
        }
        int page = AlertsView.decodePage(callbackData);
        return page > 0 ? Optional.of("/alerts " + page) : SettingsCommand.commandFor(callbackData);
    }
}
