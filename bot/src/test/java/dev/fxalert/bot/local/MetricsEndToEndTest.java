package dev.fxalert.bot.local;

import dev.fxalert.admin.ingestion.IngestionTrigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's meters, end to end in the real app over HTTP: a user sets an alert over (fake) Telegram, an
 * ingestion run through the app's trigger sees the (fake) Frankfurter rate cross it, the push goes out, and
 * {@code /actuator/prometheus} (behind METRICS_TOKEN here) shows the commands, the provider call, the crossing, the
 * evaluation, the push and its lag.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Spring Boot tests leave metrics export (the Prometheus endpoint) off otherwise
class MetricsEndToEndTest {

    static final long CHAT = 6160L;
    static final String METRICS_TOKEN = "metrics-e2e-token-0123456789";
    static final AllInOneFakes FAKES = new AllInOneFakes();

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        FAKES.settings(registry, "fx-alert-metrics");
        registry.add("METRICS_TOKEN", () -> METRICS_TOKEN);
        registry.add("server.address", () -> "127.0.0.1");
    }

    @AfterAll
    static void stopFakes() throws IOException {
        FAKES.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestionTrigger trigger;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theMetersAppearOnPrometheusAfterACrossing() throws Exception {
        FAKES.minaSetsAlert(CHAT, "/alert USD KRW above 1400");
        trigger.runNow();
        FAKES.usdKrw.set("1401");

        trigger.runNow();

        await().atMost(Duration.ofSeconds(30)).until(() -> pushes().size() == 1);
        String metrics = await().atMost(Duration.ofSeconds(10))
                .until(() -> prometheus("Bearer " + METRICS_TOKEN).body(), body -> body.contains("pushes_sent_total 1.0"));
        assertThat(metrics)
                .contains("pushes_lag_seconds_count 1")
                .contains("pushes_lag_seconds_bucket{le=")
                .contains("alerts_crossed_count 2")   // two events: the first crossed nothing, the second one alert
                .contains("alerts_crossed_sum 1.0")
                .contains("alerts_fired_total 1.0")
                .contains("evaluation_duration_seconds_count 2")
                .contains("provider_calls_total{provider=\"frankfurter\"} 2.0")
                .contains("provider_latency_seconds_count{provider=\"frankfurter\"} 2")
                .containsPattern("provider_last_success_seconds\\{provider=\"frankfurter\"} 1\\.\\d+E9")
                .contains("commands_handled_total{command=\"alert\",outcome=\"ok\"} 1.0")
                .contains("commands_handled_total{command=\"start\",outcome=\"ok\"} 1.0");
        assertThat(metrics).doesNotContain("pushes_failed_total{").doesNotContain("provider_failures_total{");
        // The lag runs from the firing, not from the rate's date (yesterday): seconds at most, never a day.
        double lagSum = Double.parseDouble(metrics.lines().filter(line -> line.startsWith("pushes_lag_seconds_sum"))
                .findFirst().orElseThrow().split(" ")[1]);
        assertThat(lagSum).isLessThan(60.0);

        assertThat(prometheus(null).statusCode()).isEqualTo(401);
        assertThat(prometheus("Bearer wrong").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> prometheus(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> pushes() {
        return FAKES.pushes(CHAT);
    }
}
