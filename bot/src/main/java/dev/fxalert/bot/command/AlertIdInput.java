package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.InvalidInputException;

/** The alert id argument of /pause, /resume and /delete. */
final class AlertIdInput {

    private AlertIdInput() {
    }

    static String parse(String arguments, String command) {
        String typed = arguments == null ? "" : arguments.strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException("Tell me which alert to " + command + "; /alerts shows your alert ids.");
        }
        String id = AlertIds.normalize(typed);
        if (id == null) {
            throw new InvalidInputException("'" + NumberInput.abbreviate(typed)
                    + "' is not an alert id; ids are 8 letters and digits like k3m9x2qa (see /alerts).");
        }
        return id;
    }
}
