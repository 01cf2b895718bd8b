package dev.fxalert.bot.command;

/**
 * A press on one of our inline buttons.
 *
 * @param callbackId  what the transport needs to answer the press (Telegram's callback query id)
 * @param data        the button's callback data as sent back by the client; may be anything, even tampered
 * @param privateChat false when the button is under a message in a group (issue 16: admins only change alerts)
 * @param senderId    the person who pressed it
 * @param messageId   the message the button is on (what an edit names), or 0 when the transport does not know it
 * @param messageText that message's text as the client has it, or null when unknown (too old, or no transport
 *                    message at all)
 */
public record IncomingCallback(String callbackId, long chatId, String data, String displayName, String language,
                               boolean privateChat, long senderId, long messageId, String messageText) {

    /** A press in a private chat, where the person is the chat, whose message is not known (tests). */
    public IncomingCallback(String callbackId, long chatId, String data, String displayName, String language) {
        this(callbackId, chatId, data, displayName, language, true, chatId, 0, null);
    }

    /** A press whose message is not known (transports without messages). */
    public IncomingCallback(String callbackId, long chatId, String data, String displayName, String language,
                            boolean privateChat, long senderId) {
        this(callbackId, chatId, data, displayName, language, privateChat, senderId, 0, null);
    }

    /** A press in a private chat, where the person is the chat, on a known message. */
    public IncomingCallback(String callbackId, long chatId, String data, String displayName, String language,
                            long messageId, String messageText) {
        this(callbackId, chatId, data, displayName, language, true, chatId, messageId, messageText);
    }
}
