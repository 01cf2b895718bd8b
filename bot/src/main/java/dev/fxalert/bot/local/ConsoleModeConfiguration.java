package dev.fxalert.bot.local;

import dev.fxalert.bot.app.ConsoleStreams;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.console.ConsoleChat;
import dev.fxalert.bot.console.ConsoleNotifier;
import dev.fxalert.core.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Without TELEGRAM_BOT_TOKEN: the whole product in the terminal, replies and alert pushes printed, logs in a file
 * ({@link ConsoleModeLogging}). When standard input ends (Ctrl-D) the process stops, unless
 * {@code CONSOLE_END_OF_INPUT=keep-serving} (the Docker image's default: a container without a terminal keeps
 * serving its health check and admin API).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramTokenCondition.NoToken.class)
public class ConsoleModeConfiguration {

    static final String END_OF_INPUT = "CONSOLE_END_OF_INPUT";
    private static final Logger log = LoggerFactory.getLogger(ConsoleModeConfiguration.class);

    /** How evaluation delivers alert pushes: printed, like the replies; charts saved next to the database file. */
    @Bean
    public ConsoleNotifier notifier(ConsoleStreams streams, LocalSettings settings) {
        Path folder = settings.embedded().databaseFile().toAbsolutePath().getParent();
        return new ConsoleNotifier(streams.out(), folder.resolve("charts"));
    }

    @Bean(destroyMethod = "close")
    public ConsoleChat consoleChat(ChatBot bot, ConsoleStreams streams, ConsoleNotifier notifier,
                                   Environment environment, Settings settings, ConfigurableApplicationContext context) {
        boolean keepServing = keepServing(settings.text(END_OF_INPUT, "exit"));
        log.info("No TELEGRAM_BOT_TOKEN set: console chat on standard input; at its end the service {}.",
                keepServing ? "keeps serving" : "stops");
        Runnable atEnd = keepServing
                ? () -> notifier.say("(Input ended; the service keeps running, " + END_OF_INPUT
                        + "=keep-serving. Stop it with Ctrl-C.)")
                : () -> stop(context);
        return new ConsoleChat(bot, streams.in(), notifier, banner(environment, settings), atEnd);
    }

    /**
     * The chat starts once the whole service is up: the banner comes after start-up, a command typed early waits
     * in the terminal's buffer, and an early end of input cannot race the start-up it would have to stop.
     */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> consoleChatStarter(ConsoleChat chat) {
        return event -> chat.start();
    }

    static List<String> banner(Environment environment, Settings settings) {
        List<String> lines = new ArrayList<>();
        lines.add("FX Alert console chat (no TELEGRAM_BOT_TOKEN, so no Telegram). Type /start, /help or "
                + "/alert USD KRW above 1400; Ctrl-D quits.");
        // The tick is read (and checked) at every console start, not only in the demo: a typo shows before the
        // first --demo, and the one settings reader sees the name (SettingsCatalogueTest).
        Duration tick = DemoModeConfiguration.tick(settings);
        if (DemoModeConfiguration.demoRequested(settings)) {
            lines.add("DEMO: rates are simulated (provider \"demo\"), move every "
                    + (tick.toMillis() % 1000 == 0 ? tick.toSeconds() + " s" : tick.toMillis() + " ms")
                    + " and are not real. Try /rate USD KRW, then an /alert just above or below it.");
        }
        String logFile = environment.getProperty("logging.file.name");
        if (logFile != null && !logFile.isBlank()) {
            lines.add("Log: " + shown(Path.of(logFile)));
        }
        return lines;
    }

    private static boolean keepServing(String endOfInput) {
        return switch (endOfInput.strip().toLowerCase(Locale.ROOT)) {
            case "", "exit" -> false;
            case "keep-serving" -> true;
            default -> throw new IllegalArgumentException(END_OF_INPUT + " must be exit or keep-serving, got '"
                    + endOfInput + "'.");
        };
    }

    /** Relative to the working folder when inside it: {@code data/fx-alert.log} reads better than a long path. */
    private static Path shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    /**
     * Closes the application as a normal stop would, then ends the JVM with its exit code. On its own thread:
     * closing the context closes this chat, which interrupts the reader thread this is called from.
     */
    private static void stop(ConfigurableApplicationContext context) {
        Thread stopper = new Thread(() -> System.exit(SpringApplication.exit(context)), "console-exit");
        stopper.setDaemon(false); // it would inherit the reader's daemon flag
        stopper.start();
    }
}
