package dev.fxalert.bot.command;

/**
 * Sees every command and button press {@link ChatBot} handled and how it ended, e.g. so the local app can count them
 * per command. Called on the handling thread; implementations must be thread-safe and quick, and must not throw.
 * The command is one of the bot's own names (unknown commands are {@code unknown}), never user text, so a metric
 * tag made from it stays small.
 */
@FunctionalInterface
public interface CommandObserver {

    CommandObserver NONE = (command, outcome) -> {
    };

    /** @param command the command's name without the slash ({@code alert}), {@code unknown}, or {@code button} */
    void onHandled(String command, Outcome outcome);

    enum Outcome {
        /** answered as asked */
        OK,
        /** refused with a reason the user can fix (bad input, alert limit reached, a stale button) */
        REFUSED,
        /** not handled: the chat sent too many commands this minute */
        RATE_LIMITED,
        /** a command the bot does not know */
        UNKNOWN,
        /** failed unexpectedly; the user got the apology */
        ERROR
    }
}
