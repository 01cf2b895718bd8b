package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.port.OutgoingMessage;

import java.util.Locale;

/** /pause, /resume and /delete with an alert id. */
final class AlertActionCommand implements CommandHandler {
    private final AlertCallback.Action action;
    private final AlertActions actions;

    AlertActionCommand(AlertCallback.Action action, AlertActions actions) {
        this.action = action;
        this.actions = actions;
    }

    @Override
    public String name() {
        return action.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String example() {
        return "/" + name() + " k3m9x2qa";
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String id = AlertIdInput.parse(context.arguments(), name());
        String userId = context.user().id();
        return context.reply(switch (action) {
            case PAUSE -> actions.pause(userId, id);
            case RESUME, REARM -> actions.resume(userId, id);
            case DELETE -> actions.delete(userId, id);
        });
    }
}
