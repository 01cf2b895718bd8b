package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Language;

import java.util.Objects;

/**
 * A text message someone sent the bot, independent of the transport (Telegram, webhook, console).
 *
 * @param privateChat true for a one-to-one chat; in groups the bot stays quiet about non-command chatter
 */
public record IncomingMessage(long chatId, String text, String displayName, String language, boolean privateChat) {

    public IncomingMessage {
        Objects.requireNonNull(text, "text");
    }

    public static IncomingMessage privateText(long chatId, String text) {
        return new IncomingMessage(chatId, text, "", Language.ENGLISH.code(), true);
    }
}
