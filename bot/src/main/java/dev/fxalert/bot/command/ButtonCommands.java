package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.ChartCallback;

import java.util.Locale;
import java.util.Optional;

/** The slash command a button stands for, so a transport without buttons (the console) can show them as text. */
public final class ButtonCommands {

    private ButtonCommands() {
    }

    public static Optional<String> commandFor(String callbackData) {
        AlertCallback callback = AlertCallback.decode(callbackData);
        if (callback != null) {
            String verb = callback.action() == AlertCallback.Action.REARM
                    ? "resume" : callback.action().name().toLowerCase(Locale.ROOT);
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
        int page = AlertsView.decodePage(callbackData);
        return page > 0 ? Optional.of("/alerts " + page) : SettingsCommand.commandFor(callbackData);
    }
}
