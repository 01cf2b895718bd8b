package dev.fxalert.bot.console;

import dev.fxalert.bot.command.ButtonCommands;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Console chat's "Telegram" and its terminal: prints replies and alert pushes (buttons as the commands they stand
 * for, e.g. {@code [Pause: /pause k3m9x2qa]}; a picture as the path of the PNG it saved), the banner and the
 * {@value #PROMPT} prompt. A push that arrives
 * while the prompt waits for input starts on a fresh line and puts the prompt back after it, so the terminal
 * always ends with a prompt while the chat reads.
 */
public final class ConsoleNotifier implements Notifier {

    public static final String PROMPT = "you> ";

    private final PrintStream out;
    private final Path photoFolder;
    /** Guarded by {@code out}: the prompt is the last thing printed and no line was typed since. */
    private boolean promptShown;

    /** Pictures are saved under the system's temporary folder. */
    public ConsoleNotifier(PrintStream out) {
        this(out, Path.of(System.getProperty("java.io.tmpdir"), "fx-alert"));
    }

    /** @param photoFolder where pictures (charts) are saved, their path printed: the data folder in the app */
    public ConsoleNotifier(PrintStream out, Path photoFolder) {
        this.out = out;
        this.photoFolder = photoFolder;
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        StringBuilder text = new StringBuilder();
        if (message.hasPhoto()) {
            // A terminal shows no pictures: the file is saved and its path printed above the caption.
            try {
                text.append("bot> [").append(save(message.photo())).append("]\n");
            } catch (IOException e) {
                return new DeliveryResult.Failed("picture not saved: " + e.getMessage());
            }
        }
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

    /** Saves a picture under the photo folder with a time-stamped name, so earlier charts stay; returns its path. */
    private Path save(OutgoingMessage.Photo photo) throws IOException {
        Files.createDirectories(photoFolder);
        String name = photo.fileName();
        int dot = name.lastIndexOf('.');
        String stamped = (dot < 0 ? name : name.substring(0, dot)) + "-" + System.currentTimeMillis()
                + (dot < 0 ? "" : name.substring(dot));
        Path file = photoFolder.resolve(stamped).toAbsolutePath().normalize();
        Files.write(file, photo.bytes());
        return file;
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
