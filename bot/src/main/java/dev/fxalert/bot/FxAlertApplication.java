package dev.fxalert.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local all-in-one service: the bot over Telegram long polling (or a console chat without a token), the
 * embedded store, and the seams where ingestion and evaluation plug in. Run it with {@code ./run.sh}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FxAlertApplication {

    public static void main(String[] args) {
        // slf4j-simple is on the classpath for the webhook Lambda's shaded jar; when this app runs from the IDE
        // or the Maven plugin it must not win over Logback, which Spring Boot configures.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        }
        // Otherwise SLF4J reports choosing that provider on stderr, the console chat's terminal.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        SpringApplication.run(FxAlertApplication.class, args);
    }
}
