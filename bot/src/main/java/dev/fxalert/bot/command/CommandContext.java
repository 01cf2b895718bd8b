package dev.fxalert.bot.command;

import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OutgoingMessage;

import java.util.List;

/** The linked user, their chat and the command's arguments. */
record CommandContext(User user, long chatId, String arguments, IncomingMessage message) {

    OutgoingMessage reply(String text) {
        return OutgoingMessage.text(chatId, text);
    }

    OutgoingMessage reply(String text, List<List<OutgoingMessage.Button>> buttons) {
        return new OutgoingMessage(chatId, text, buttons);
    }
}
