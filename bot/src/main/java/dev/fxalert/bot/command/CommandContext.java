package dev.fxalert.bot.command;

import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

import java.util.List;

/** The linked user, their chat, the command's arguments and the catalogue of the user's language. */
record CommandContext(User user, long chatId, String arguments, IncomingMessage message, Messages messages) {

    OutgoingMessage reply(Msg key, Object... args) {
        return OutgoingMessage.text(chatId, messages.text(key, args));
    }

    /** For replies assembled from several catalogue texts (each part comes from {@link #messages()}). */
    OutgoingMessage reply(String text, List<List<OutgoingMessage.Button>> buttons) {
        return new OutgoingMessage(chatId, text, buttons);
    }

    String text(Msg key, Object... args) {
        return messages.text(key, args);
    }
}
