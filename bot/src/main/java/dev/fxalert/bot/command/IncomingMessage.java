package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Language;

import java.util.Objects;

/**
 * A text message someone sent the bot, independent of the transport (Telegram, webhook, console).
 *
 * @param privateChat true for a one-to-one chat; in groups the bot stays quiet about non-command chatter
 * @param deliveryId  the same for every delivery of this one message (Telegram's update id), so a redelivered
 *                    command changes nothing twice; null where messages are never redelivered (console)
 */
public record IncomingMessage(long chatId, String text, String displayName, String language, boolean privateChat,
                              String deliveryId) {

    public IncomingMessage {
        Objects.requireNonNull(text, "text");
    }

    /** A message that is never delivered twice. */
    public IncomingMessage(long chatId, String text, String displayName, String language, boolean privateChat) {
        this(chatId, text, displayName, language, privateChat, null);
    }

    public static IncomingMessage privateText(long chatId, String text) {
        return new IncomingMessage(chatId, text, "", Language.ENGLISH.code(), true);
    }
}
