package dev.fxalert.bot.command;

import dev.fxalert.core.port.OutgoingMessage;

import java.util.List;
import java.util.Optional;

/**
 * What to do after a button press: the short notice that answers the press (every press is answered, or the
 * client shows a spinner), the messages to send to the chat, and (issue 14) the new text and buttons of the message
 * whose button was pressed: a transport that can edit a message edits that one (Telegram: editMessageText), one
 * that cannot shows it as a message of its own (the console).
 *
 * @param edited the pressed message as it should read now, or null to leave it as it is
 */
public record CallbackOutcome(String answer, List<OutgoingMessage> messages, OutgoingMessage edited) {

    public CallbackOutcome {
        answer = answer == null ? "" : answer;
        messages = List.copyOf(messages);
    }

    public CallbackOutcome(String answer, List<OutgoingMessage> messages) {
        this(answer, messages, null);
    }

    public static CallbackOutcome answerOnly(String answer) {
        return new CallbackOutcome(answer, List.of());
    }

    /** The press answered, and the pressed message edited to {@code edited}. */
    public static CallbackOutcome edit(String answer, OutgoingMessage edited) {
        return new CallbackOutcome(answer, List.of(), edited);
    }

    public Optional<OutgoingMessage> edit() {
        return Optional.ofNullable(edited);
    }
}
