package dev.fxalert.bot.command;

import dev.fxalert.core.port.OutgoingMessage;

import java.util.List;

/**
 * What to do after a button press: the short notice that answers the press (every press is answered, or the
 * client shows a spinner) and the messages to send to the chat.
 */
public record CallbackOutcome(String answer, List<OutgoingMessage> messages) {

    public CallbackOutcome {
        answer = answer == null ? "" : answer;
        messages = List.copyOf(messages);
    }

    public static CallbackOutcome answerOnly(String answer) {
        return new CallbackOutcome(answer, List.of());
    }
}
