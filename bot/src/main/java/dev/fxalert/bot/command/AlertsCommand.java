package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.core.port.OutgoingMessage;

import java.time.Clock;

/** /alerts [page]: the person's alerts, ten a page, with buttons. */
final class AlertsCommand implements CommandHandler {
    private final OwnerAlerts alerts;
    private final Clock clock;

    AlertsCommand(OwnerAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_ALERTS_PAGE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        int page = 1;
        String typed = context.arguments().strip();
        if (!typed.isEmpty()) {
            if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) < 1) {
                throw new InvalidInputException(Msg.ALERTS_BAD_PAGE, NumberInput.abbreviate(typed));
            }
            page = Integer.parseInt(typed);
        }
        return AlertsView.render(context.messages(), context.chatId(), alerts.listByOwner(context.user().id()), page,
                context.user().zone(), clock.instant());
    }
}
