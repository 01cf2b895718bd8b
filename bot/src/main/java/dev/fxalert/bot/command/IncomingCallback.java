package dev.fxalert.bot.command;

/**
 * A press on one of our inline buttons.
 *
 * @param callbackId  what the transport needs to answer the press (Telegram's callback query id)
 * @param data        the button's callback data as sent back by the client; may be anything, even tampered
 * @param privateChat false when the button is under a message in a group (issue 16: admins only change alerts)
 * @param senderId    the person who pressed it
 */
public record IncomingCallback(String callbackId, long chatId, String data, String displayName, String language,
                               boolean privateChat, long senderId) {

    /** A press in a private chat, where the person is the chat. */
    public IncomingCallback(String callbackId, long chatId, String data, String displayName, String language) {
        this(callbackId, chatId, data, displayName, language, true, chatId);
    }
}
