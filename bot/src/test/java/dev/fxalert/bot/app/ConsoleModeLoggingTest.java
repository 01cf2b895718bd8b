package dev.fxalert.bot.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleModeLoggingTest {

    private final ConsoleModeLogging logging = new ConsoleModeLogging();

    @Test
    void consoleModeLogsToAFileInTheDataFolderAndNothingToTheTerminal() {
        MockEnvironment environment = new MockEnvironment().withProperty("FX_ALERT_DB_PATH", "/srv/fx/data/fx-alert.db");

        logging.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.file.name")).isEqualTo(Path.of("/srv/fx/data/fx-alert.log").toString());
        assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("OFF");
    }

    @Test
    void theDefaultDataFolderIsDataUnderTheWorkingFolder() {
        MockEnvironment environment = new MockEnvironment().withProperty("TELEGRAM_BOT_TOKEN", " ");

        logging.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.file.name"))
                .isEqualTo(Path.of("data/fx-alert.log").toAbsolutePath().toString());
    }

    @Test
    void anExplicitSettingWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("logging.file.name", "/var/log/fx.log")
                .withProperty("logging.threshold.console", "WARN");

        logging.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.file.name")).isEqualTo("/var/log/fx.log");
        assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("WARN");
    }

    @Test
    void telegramModeLogsToTheTerminalAsBefore() {
        MockEnvironment environment = new MockEnvironment().withProperty("TELEGRAM_BOT_TOKEN", "123:abc");

        logging.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.file.name")).isNull();
        assertThat(environment.getProperty("logging.threshold.console")).isNull();
    }
}
