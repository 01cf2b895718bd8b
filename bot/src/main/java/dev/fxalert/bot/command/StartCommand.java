package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

/** /start: greets a newly linked chat with a short how-to. */
final class StartCommand implements CommandHandler {
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
        return OutgoingMessage.text(context.chatId(), hello + " " + context.text(Msg.START_BODY));
    }
}
