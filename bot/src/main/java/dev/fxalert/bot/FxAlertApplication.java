package dev.fxalert.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local all-in-one service: the bot over Telegram long polling (or a console chat without a token), the
 * embedded store, and the seams where ingestion and evaluation plug in. Run it with {@code ./run.sh}.
 */
@SpringBootApplication
public class FxAlertApplication {

    public static void main(String[] args) {
        // Otherwise SLF4J reports choosing its provider on stderr, the console chat's terminal.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        SpringApplication.run(FxAlertApplication.class, args);
    }
}
