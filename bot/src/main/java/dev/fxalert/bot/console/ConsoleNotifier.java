package dev.fxalert.bot.console;

import dev.fxalert.bot.command.ButtonCommands;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Console chat's "Telegram": prints replies and alert pushes, buttons as the commands they stand for,
 * e.g. {@code [Pause: /pause k3m9x2qa]}.
 */
public final class ConsoleNotifier implements Notifier {

    private final PrintStream out;

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
            out.print(text);
            out.flush();
        }
        return DeliveryResult.delivered();
    }

    private static String asText(OutgoingMessage.Button button) {
        return ButtonCommands.commandFor(button.callbackData())
                .map(command -> "[" + button.label() + ": " + command + "]")
                .orElse("[" + button.label() + "]");
    }
}
