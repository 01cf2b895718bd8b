package dev.fxalert.bot.console;

import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.IncomingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Lets a person try the bot without Telegram: prints a short banner, then reads commands from standard input as one
 * local chat, a {@value ConsoleNotifier#PROMPT} prompt before each, and prints the replies. When input ends (Ctrl-D,
 * or the end of piped input) it says goodbye and runs the end-of-input action: in the app that stops the process,
 * unless the operator chose to keep serving without a terminal (Docker). The reader thread blocks on input, so it
 * never spins.
 */
public final class ConsoleChat implements AutoCloseable {

    /** Real Telegram chat ids are far from 1, so the console user cannot collide with one. */
    public static final long CHAT_ID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ConsoleChat.class);

    private final ChatBot bot;
    private final InputStream input;
    private final ConsoleNotifier output;
    private final List<String> banner;
    private final Runnable atEndOfInput;
    private volatile Thread reader;
    private volatile boolean closed;

    /**
     * @param banner       lines printed once before the first prompt
     * @param atEndOfInput run once on the reader thread after input ended (not when the chat was closed)
     */
    public ConsoleChat(ChatBot bot, InputStream input, ConsoleNotifier output, List<String> banner,
                       Runnable atEndOfInput) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.banner = List.copyOf(banner);
        this.atEndOfInput = Objects.requireNonNull(atEndOfInput, "atEndOfInput");
    }

    public synchronized void start() {
        if (reader != null) {
            return;
        }
        banner.forEach(output::say);
        reader = new Thread(this::readUntilEndOfInput, "console-chat");
        // Blocked on stdin it holds nothing: a daemon, so it never keeps the JVM from shutting down.
        reader.setDaemon(true);
        reader.start();
    }

    /** True while the chat is still reading input. */
    public boolean isReading() {
        Thread thread = reader;
        return thread != null && thread.isAlive();
    }

    private void readUntilEndOfInput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            output.prompt();
            String line;
            while (!closed && (line = lines.readLine()) != null) {
                output.lineTyped();
                if (!line.isBlank()) {
                    bot.handle(new IncomingMessage(CHAT_ID, line, "", "en", true)).forEach(output::send);
                }
                output.prompt();
            }
        } catch (IOException e) {
            log.warn("Console chat cannot read standard input any more: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("Console chat stopped", e);
        }
        if (!closed) {
            log.info("Standard input ended: the console chat is over.");
            // After a Ctrl-D the cursor still stands after the prompt.
            output.say("");
            output.say("Bye.");
            atEndOfInput.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
