package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Language;

import java.util.Objects;

/**
 * A text message someone sent the bot, independent of the transport (Telegram, webhook, console).
 *
 * @param privateChat true for a one-to-one chat; in groups the bot stays quiet about non-command chatter
 * @param deliveryId  the same for every delivery of this one message (Telegram's update id), so a redelivered
 *                    command changes nothing twice; null where messages are never redelivered (console)
 * @param senderId    the person who sent it (issue 16: in a group only its administrators change its alerts);
 *                    the chat id itself when the group speaks as itself (an anonymous administrator), and in a
 *                    private chat, where the person is the chat
 */
public record IncomingMessage(long chatId, String text, String displayName, String language, boolean privateChat,
                              String deliveryId, long senderId) {

    public IncomingMessage {
        Objects.requireNonNull(text, "text");
    }

    /** A message whose sender is the chat (a private chat). */
    public IncomingMessage(long chatId, String text, String displayName, String language, boolean privateChat,
                           String deliveryId) {
        this(chatId, text, displayName, language, privateChat, deliveryId, chatId);
    }

    /** A message that is never delivered twice. */
    public IncomingMessage(long chatId, String text, String displayName, String language, boolean privateChat) {
        this(chatId, text, displayName, language, privateChat, null);
    }

    public static IncomingMessage privateText(long chatId, String text) {
        return new IncomingMessage(chatId, text, "", Language.ENGLISH.code(), true);
    }
}
