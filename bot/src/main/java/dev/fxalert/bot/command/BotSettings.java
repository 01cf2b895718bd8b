package dev.fxalert.bot.command;

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
}
