package dev.fxalert.bot.app;

import dev.fxalert.bot.FxAlertApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console chat as a person gets it, in its own JVM (logging is set up once per JVM, so only a fresh process
 * shows what reaches the terminal): banner, prompt, replies and nothing else on standard output; the log in the
 * data folder; the end of input (Ctrl-D) stops the process with exit code 0.
 */
class ConsoleModeProcessTest {

    @TempDir
    Path data;

    @Test
    void theTerminalShowsTheChatOnlyAndEndOfInputStopsTheProcess() throws Exception {
        Path stdout = data.resolve("stdout.txt");
        Path stderr = data.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                FxAlertApplication.class.getName(),
                // The app's own settings only, not the tests' additions in classpath:/config/.
                "--spring.config.location=classpath:/application.properties",
                "--fx-alert.ingestion.run-at-start=false"))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.remove("TELEGRAM_BOT_TOKEN");
        env.remove("FX_ALERT_DEMO");
        env.put("FX_ALERT_DB_PATH", data.resolve("fx-alert.db").toString());
        env.put("CONSOLE_END_OF_INPUT", "exit");
        env.put("SERVER_PORT", "0");
        // Nothing may reach a real provider; the schedule's first run is minutes away anyway.
        env.put("FRANKFURTER_BASE_URL", "http://127.0.0.1:9");
        env.put("OPEN_ER_API_BASE_URL", "http://127.0.0.1:9");
        Process app = builder.start();
        try (OutputStream keyboard = app.getOutputStream()) {
            keyboard.write("/start\n".getBytes(StandardCharsets.UTF_8));
        }

        boolean ended = app.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            app.destroyForcibly();
        }

        String terminal = Files.readString(stdout);
        assertThat(ended).as("the process ends by itself after the end of input; printed:%n%s", terminal).isTrue();
        assertThat(app.exitValue()).isZero();
        assertThat(terminal).startsWith("FX Alert console chat")
                .contains("Log: " + data.resolve("fx-alert.log"))
                .contains("you> bot> Hi! I watch exchange rates")
                .endsWith("you> \nBye.\n")
                .doesNotContain("INFO", "WARN", "springdoc");
        assertThat(Files.readString(stderr)).as("nothing else on the terminal").doesNotContain("INFO", "WARN", "SLF4J");
        assertThat(log()).contains("Started FxAlertApplication");
    }

    private String log() throws IOException {
        return Files.readString(data.resolve("fx-alert.log"));
    }
}
