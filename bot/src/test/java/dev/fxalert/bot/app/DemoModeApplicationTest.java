package dev.fxalert.bot.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run.sh --demo}: the console chat on simulated rates, ingesting every tick (fast here), so an alert whose
 * threshold the rate is already past fires at the next tick, and every rate shown says "demo".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"TELEGRAM_BOT_TOKEN=", "FX_ALERT_DEMO=true", "FX_ALERT_DEMO_TICK=200ms"})
class DemoModeApplicationTest {

    static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

    @DynamicPropertySource
    static void embeddedStoreInATemporaryFolder(DynamicPropertyRegistry registry) {
        registry.add("FX_ALERT_DB_PATH", () -> TempDatabase.newPath("fx-alert-demo"));
    }

    @TestConfiguration
    static class TypedCommands {
        @Bean
        ConsoleStreams consoleStreams() {
            byte[] typed = "/start\n/alert USD KRW below 5000\n/rate USD EUR\n".getBytes(StandardCharsets.UTF_8);
            return new ConsoleStreams(new ByteArrayInputStream(typed), new PrintStream(PRINTED, true, StandardCharsets.UTF_8));
        }
    }

    private static String printed() {
        return PRINTED.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAlertFiresOnTheSimulatedRatesAndEveryRateShownSaysDemo() {
        await().atMost(Duration.ofSeconds(30)).until(() -> printed().contains("Source: demo"));

        String printed = printed();
        assertThat(printed).contains("DEMO: rates are simulated")
                .containsPattern("bot> Alert [a-z0-9]{8} set: USD/KRW below 5,000")
                .containsPattern("1 USD = [0-9.]+ EUR \\(demo, ");
        assertThat(printed.lines().filter(line -> line.matches(".*\\b(frankfurter|open-er-api|koreaexim)\\b.*")))
                .as("no real provider's rate").isEmpty();
    }
}
