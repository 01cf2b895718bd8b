package dev.fxalert.bot.console;

import dev.fxalert.bot.command.ButtonCommands;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Console chat's "Telegram" and its terminal: prints replies and alert pushes (buttons as the commands they stand
 * for, e.g. {@code [Pause: /pause k3m9x2qa]}), the banner and the {@value #PROMPT} prompt. A push that arrives
 * while the prompt waits for input starts on a fresh line and puts the prompt back after it, so the terminal
 * always ends with a prompt while the chat reads.
 */
public final class ConsoleNotifier implements Notifier {

    public static final String PROMPT = "you> ";

    private final PrintStream out;
    /** Guarded by {@code out}: the prompt is the last thing printed and no line was typed since. */
    private boolean promptShown;

    public ConsoleNotifier(PrintStream out) {
        this.out = out;
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        StringBuilder text = new StringBuilder();
        for (String line : message.text().split("\n", -1)) {
            text.append("bot> ").append(line).append('\n');
        }
        for (List<OutgoingMessage.Button> row : message.buttons()) {
            text.append("     ").append(row.stream().map(ConsoleNotifier::asText).collect(Collectors.joining(" ")))
                    .append('\n');
        }
        // One print per message, so a push arriving while a reply is printed does not interleave with it.
        synchronized (out) {
            if (promptShown) {
                out.print('\n');
                text.append(PROMPT);
            }
            out.print(text);
            out.flush();
        }
        return DeliveryResult.delivered();
    }

    /** Prints lines that are not from the bot (banner, goodbye), as they are. */
    public void say(String line) {
        synchronized (out) {
            out.print(line);
            out.print('\n');
            out.flush();
            promptShown = false;
        }
    }

    /** Shows the prompt: the chat now waits for a line. */
    public void prompt() {
        synchronized (out) {
            out.print(PROMPT);
            out.flush();
            promptShown = true;
        }
    }

    /** A line was typed (the terminal echoed it with its newline): replies start on their own line already. */
    public void lineTyped() {
        synchronized (out) {
            promptShown = false;
        }
    }

    private static String asText(OutgoingMessage.Button button) {
        return ButtonCommands.commandFor(button.callbackData())
                .map(command -> "[" + button.label() + ": " + command + "]")
                .orElse("[" + button.label() + "]");
    }
}
