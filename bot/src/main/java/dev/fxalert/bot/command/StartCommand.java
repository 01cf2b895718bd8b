package dev.fxalert.bot.command;

import dev.fxalert.core.port.OutgoingMessage;

/** /start: greets a newly linked chat with a short how-to. */
final class StartCommand implements CommandHandler {
    @Override
    public String name() {
        return "start";
    }

    @Override
    public String example() {
        return "/start";
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String name = context.user().displayName().isBlank() ? "" : " " + context.user().displayName();
        return context.reply("Hi" + name + "! I watch exchange rates and tell you when one reaches your number.\n\n"
                + "Try:\n"
                + "/alert USD KRW above 1400 – a push when 1 USD costs 1,400 KRW or more\n"
                + "/rate USD KRW – the latest rate\n"
                + "/alerts – your alerts, with buttons to pause or delete them\n"
                + "/help – everything I understand");
    }
}
