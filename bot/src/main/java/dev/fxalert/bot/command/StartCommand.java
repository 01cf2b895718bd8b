package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * /start: greets a newly linked chat with a short how-to. Opened through a copy-an-alert link
 * ({@code /start <payload>}, issue 16) it shows the shared alert and a button that creates it for this chat.
 */
final class StartCommand implements CommandHandler {
    private final AlertIds ids = new AlertIds();

    @Override
    public String name() {
        return "start";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_START;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String name = context.user().displayName();
        String hello = name.isBlank() ? context.text(Msg.START_HELLO) : context.text(Msg.START_HELLO_NAMED, name);
        Optional<AlertRequest> shared = AlertLink.decode(context.arguments());
        if (shared.isPresent()) {
            return shared(context, hello, shared.get());
        }
        // Any other payload (a link from elsewhere, a tampered one) gets the plain greeting.
        return OutgoingMessage.text(context.chatId(), hello + " " + context.text(Msg.START_BODY));
    }

    private OutgoingMessage shared(CommandContext context, String hello, AlertRequest request) {
        Messages messages = context.messages();
        long chatId = context.chatId();
        // Formats reads alerts; this one is only shown, never stored.
        Alert shown = request.toAlert(ids.next(), new Owner(context.user().id(), chatId), Instant.EPOCH);
        String text = hello + " " + messages.text(Msg.START_SHARED_ALERT,
                Formats.condition(messages, shown), Formats.afterFiring(messages, shown));
        return new OutgoingMessage(chatId, text, List.of(List.of(new Button(messages.text(Msg.BUTTON_COPY_ALERT),
                AlertLink.createData(AlertLink.payload(request))))));
    }
}
