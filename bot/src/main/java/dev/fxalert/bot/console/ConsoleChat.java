package dev.fxalert.bot.console;

import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.core.port.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Lets a person try the bot without Telegram: reads commands from standard input as one local chat and prints
 * the replies. When input ends (EOF, e.g. no terminal in CI or Docker) reading stops and the rest of the service
 * keeps running; the reader thread blocks on input, so it never spins.
 */
public final class ConsoleChat implements AutoCloseable {

    /** Real Telegram chat ids are far from 1, so the console user cannot collide with one. */
    public static final long CHAT_ID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ConsoleChat.class);

    private final ChatBot bot;
    private final InputStream input;
    private final Notifier output;
    private volatile Thread reader;
    private volatile boolean closed;

    public ConsoleChat(ChatBot bot, InputStream input, Notifier output) {
        this.bot = bot;
        this.input = input;
        this.output = output;
    }

    public synchronized void start() {
        if (reader != null) {
            return;
        }
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
            String line;
            while (!closed && (line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    bot.handle(new IncomingMessage(CHAT_ID, line, "", "en", true)).forEach(output::send);
                }
            }
            if (!closed) {
                log.info("Standard input closed: the console chat stops reading; the service keeps running.");
            }
        } catch (IOException e) {
            log.warn("Console chat cannot read standard input any more: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("Console chat stopped", e);
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
