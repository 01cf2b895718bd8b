package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.core.port.OutgoingMessage;

/** /alerts [page]: the person's alerts, ten a page, with buttons. */
final class AlertsCommand implements CommandHandler {
    private final OwnerAlerts alerts;

    AlertsCommand(OwnerAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String example() {
        return "/alerts 2";
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        int page = 1;
        String typed = context.arguments().strip();
        if (!typed.isEmpty()) {
            if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) < 1) {
                throw new InvalidInputException("'" + NumberInput.abbreviate(typed) + "' is not a page number.");
            }
            page = Integer.parseInt(typed);
        }
        return AlertsView.render(context.chatId(), alerts.listByOwner(context.user().id()), page);
    }
}
