package dev.fxalert.bot.app;

import dev.fxalert.bot.console.ConsoleNotifier;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.RateLookup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The app a person runs without a Telegram token: console chat on (fake) stdin, health endpoint for Docker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TELEGRAM_BOT_TOKEN=", "INGESTION_RUN_AT_START=false"})
class ConsoleModeApplicationTest {

    static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

    @DynamicPropertySource
    static void embeddedStoreInATemporaryFolder(DynamicPropertyRegistry registry) {
        registry.add("FX_ALERT_DB_PATH", () -> TempDatabase.newPath("fx-alert-console"));
    }

    @TestConfiguration
    static class TypedCommands {
        @Bean
        ConsoleStreams consoleStreams() {
            byte[] typed = "/start\n/alert USD KRW above 1400\n".getBytes(StandardCharsets.UTF_8);
            return new ConsoleStreams(new ByteArrayInputStream(typed), new PrintStream(PRINTED, true, StandardCharsets.UTF_8));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Notifier notifier;
    @Autowired
    RateLookup rateLookup;

    @Test
    void chatsOnStandardInputAndPrintsPushes() {
        await().atMost(Duration.ofSeconds(30)).until(() -> PRINTED.toString(StandardCharsets.UTF_8).contains("Alert "));

        String printed = PRINTED.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("bot> Hi! I watch exchange rates")
                .containsPattern("bot> Alert [a-z0-9]{8} set: USD/KRW above 1,400")
                .contains("I have no rate for USD/KRW yet");
        assertThat(notifier).isInstanceOf(ConsoleNotifier.class);
        assertThat(rateLookup.current(dev.fxalert.core.domain.CurrencyPair.of("USD", "KRW"))).isEmpty();
    }

    @Test
    void reportsHealthForTheDockerHealthcheck() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
