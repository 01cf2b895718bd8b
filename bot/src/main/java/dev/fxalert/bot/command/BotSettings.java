package dev.fxalert.bot.command;

import dev.fxalert.core.config.Settings;

import java.time.Duration;

/**
 * @param botUsername      our own @name, so {@code /help@OtherBot} in a group is left alone; blank when unknown
 * @param commandsPerMinute per-chat abuse guard
 * @param rateFreshness    a stored rate younger than this answers /rate without asking the providers
 */
public record BotSettings(String botUsername, int commandsPerMinute, Duration rateFreshness) {

    /** Longer messages are refused before parsing: no command needs more. */
    public static final int MAX_TEXT_LENGTH = 200;

    public static BotSettings defaults() {
        return new BotSettings("", 20, Duration.ofMinutes(15));
    }

    /** Reads TELEGRAM_BOT_USERNAME, CHAT_COMMANDS_PER_MINUTE and RATE_FRESHNESS (ISO-8601), the same in both runtimes. */
    public static BotSettings from(Settings settings) {
        BotSettings d = defaults();
        return new BotSettings(settings.text("TELEGRAM_BOT_USERNAME", d.botUsername()),
                settings.integer("CHAT_COMMANDS_PER_MINUTE", d.commandsPerMinute(), 1),
                settings.duration("RATE_FRESHNESS", d.rateFreshness()));
    }
}
