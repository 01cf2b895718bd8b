package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OwnerAlerts;

import java.util.Optional;

/**
 * /share with an alert id, and the Share button under an alert (issue 16): answers with a link anyone can open to
 * create the same alert for themselves ({@link AlertLink}); the link names neither the owner nor the chat. Without
 * a known bot username (the console) the {@code /start} command the link would send is shown instead.
 */
final class ShareCommand implements CommandHandler {
    private final OwnerAlerts alerts;
    private final String botUsername;

    ShareCommand(OwnerAlerts alerts, String botUsername) {
        this.alerts = alerts;
        this.botUsername = botUsername == null ? "" : botUsername.strip();
    }

    @Override
    public String name() {
        return "share";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_SHARE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String id = AlertIdInput.parse(context.arguments(), name());
        return OutgoingMessage.text(context.chatId(), text(context.messages(), context.user().id(), id));
    }

    /** The link for the user's alert {@code alertId}, or that there is no such alert. */
    String text(Messages messages, String userId, String alertId) {
        Optional<Alert> alert = alerts.get(userId, alertId);
        if (alert.isEmpty()) {
            return AlertActions.notFound(messages, alertId);
        }
        String payload = AlertLink.payload(alert.get());
        String condition = Formats.condition(messages, alert.get()) + " (" + Formats.afterFiring(messages, alert.get()) + ")";
        return botUsername.isEmpty()
                ? messages.text(Msg.SHARE_COMMAND, alertId, condition, "/start " + payload)
                : messages.text(Msg.SHARE_LINK, alertId, condition, AlertLink.url(botUsername, payload));
    }
}
