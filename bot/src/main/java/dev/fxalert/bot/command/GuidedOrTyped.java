package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

/** Issue 14: /alert with arguments as typed ({@link AlertCommand}); /alert alone starts guided creation. */
final class GuidedOrTyped implements CommandHandler {

    private final AlertCommand typed;
    private final GuidedAlert guided;

    GuidedOrTyped(AlertCommand typed, GuidedAlert guided) {
        this.typed = typed;
        this.guided = guided;
    }

    @Override
    public String name() {
        return typed.name();
    }

    @Override
    public Msg example() {
        return typed.example();
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        return context.arguments() == null || context.arguments().isBlank()
                ? guided.start(context) : typed.handle(context);
    }
}
