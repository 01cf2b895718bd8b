package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

/** /help: everything the bot understands. */
final class HelpCommand implements CommandHandler {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_HELP;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        return OutgoingMessage.text(context.chatId(), BotMenu.helpText(context.messages()));
    }
}
