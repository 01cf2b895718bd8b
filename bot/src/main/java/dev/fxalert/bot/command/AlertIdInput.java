package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;

/** The alert id argument of /pause, /resume and /delete. */
final class AlertIdInput {

    private AlertIdInput() {
    }

    static String parse(String arguments, String command) {
        String typed = arguments == null ? "" : arguments.strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException(Msg.ALERT_ID_MISSING, command);
        }
        String id = AlertIds.normalize(typed);
        if (id == null) {
            throw new InvalidInputException(Msg.ALERT_ID_INVALID, NumberInput.abbreviate(typed));
        }
        return id;
    }
}
