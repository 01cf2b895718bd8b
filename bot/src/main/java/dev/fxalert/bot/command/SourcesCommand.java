package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

/** /sources: each rate source, what it gives, the newest rate we hold from it and when it next publishes. */
final class SourcesCommand implements CommandHandler {

    private final SourceReport report;

    SourcesCommand(SourceReport report) {
        this.report = report;
    }

    @Override
    public String name() {
        return "sources";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_SOURCES;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        return OutgoingMessage.text(context.chatId(), report.sources(context.messages(), context.user().zone()));
    }
}
