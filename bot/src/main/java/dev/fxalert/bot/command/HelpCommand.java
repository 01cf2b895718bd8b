package dev.fxalert.bot.command;

import dev.fxalert.core.port.OutgoingMessage;

/** /help: everything the bot understands. */
final class HelpCommand implements CommandHandler {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String example() {
        return "/help";
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        return context.reply(BotMenu.helpText());
    }
}
