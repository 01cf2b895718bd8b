package dev.fxalert.bot.app;

import dev.fxalert.bot.local.TelegramTokenCondition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * In console mode the terminal is the chat, so the log goes to a file next to the database
 * ({@code <data folder>/fx-alert.log}) and nothing is logged to the terminal; the chat's banner prints the path
 * once. Runs before logging starts (an {@link EnvironmentPostProcessor}, after application.properties is read), so
 * not even the start-up lines reach the terminal. Both settings are defaults: {@code LOGGING_FILE_NAME} and
 * {@code LOGGING_THRESHOLD_CONSOLE} (Spring Boot's own names) still win. Telegram mode logs to the terminal as before.
 */
public final class ConsoleModeLogging implements EnvironmentPostProcessor {

    static final String SOURCE = "fxAlertConsoleModeLogging";
    static final String LOG_FILE_NAME = "fx-alert.log";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String token = environment.getProperty(TelegramTokenCondition.TOKEN);
        if (token != null && !token.isBlank()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "logging.file.name", logFile(environment).toString(),
                "logging.threshold.console", "OFF")));
    }

    /** The data folder is the database file's folder (FX_ALERT_DB_PATH), ./data by default. */
    static Path logFile(ConfigurableEnvironment environment) {
        String dbPath = environment.getProperty("FX_ALERT_DB_PATH");
        Path db = Path.of(dbPath == null || dbPath.isBlank() ? "./data/fx-alert.db" : dbPath);
        Path folder = db.toAbsolutePath().normalize().getParent();
        return folder.resolve(LOG_FILE_NAME);
    }
}
