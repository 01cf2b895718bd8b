package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.i18n.Msg;
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
    public Msg example() {
        return switch (action) {
            case PAUSE -> Msg.EXAMPLE_PAUSE;
            case RESUME, REARM -> Msg.EXAMPLE_RESUME;
            case DELETE -> Msg.EXAMPLE_DELETE;
            case SHARE -> throw new IllegalStateException("/share is ShareCommand");
            default -> throw new IllegalStateException("not a command of its own: " + action);
        };
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String id = AlertIdInput.parse(context.arguments(), name());
        String userId = context.user().id();
        return OutgoingMessage.text(context.chatId(), (switch (action) {
            case PAUSE -> actions.pause(context.messages(), userId, id);
            case RESUME, REARM -> actions.resume(context.messages(), userId, id);
            case DELETE -> actions.delete(context.messages(), userId, id);
            case SHARE -> throw new IllegalStateException("/share is ShareCommand");
            default -> throw new IllegalStateException("not a command of its own: " + action);
        }).text());
    }
}
