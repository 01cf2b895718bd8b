package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

/** One slash command. Throws {@link dev.fxalert.core.domain.InvalidInputException} for input it refuses. */
interface CommandHandler {

    /** The command name without slash, lower case. */
    String name();

    /** A correct use, shown under every refusal. */
    Msg example();

    OutgoingMessage handle(CommandContext context);

    /** True for commands that create, pause, resume or delete alerts: in a group, its administrators' (issue 16). */
    default boolean changesAlerts() {
        return BotMenu.GROUP_ADMIN_COMMANDS.contains(name());
    }

    /**
     * True when this use changes what the chat owns, its alerts or its settings: in a group, its administrators'.
     * A settings command changes only with an argument; without one it shows the setting, to anyone.
     */
    default boolean changesChat(String arguments) {
        return changesAlerts() || BotMenu.GROUP_SETTING_COMMANDS.contains(name()) && !arguments.isBlank();
    }
}
