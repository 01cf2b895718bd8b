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

    /**
     * Issue 14: the pairs guided creation offers after the user's own (those a configured source quotes), in this
     * order: what most people of a KRW-centred bot watch, then the largest crosses.
     */
    public static final java.util.List<dev.fxalert.core.domain.CurrencyPair> COMMON_PAIRS = java.util.stream.Stream.of(
            "USD/KRW", "EUR/USD", "USD/JPY", "EUR/KRW", "JPY/KRW", "GBP/USD", "USD/CNY", "EUR/JPY")
            .map(dev.fxalert.core.domain.CurrencyPair::parse).toList();

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
