package dev.fxalert.bot.command;

/**
 * A press on one of our inline buttons.
 *
 * @param callbackId what the transport needs to answer the press (Telegram's callback query id)
 * @param data       the button's callback data as sent back by the client; may be anything, even tampered
 */
public record IncomingCallback(String callbackId, long chatId, String data, String displayName, String language) {
}
