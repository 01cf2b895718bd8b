package dev.fxalert.ingestion.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.testing.LogCapture;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.testing.FakeRateProvider;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class IngestionHandlerTest {

    private static final String SCHEDULER_EVENT = "{\"version\":\"0\",\"id\":\"e1\",\"detail-type\":\"Scheduled Event\","
            + "\"source\":\"aws.scheduler\",\"time\":\"2026-11-25T03:00:00Z\",\"detail\":{}}";

    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private final AlertStore alerts = mock(AlertStore.class);
    private final Context context = mock(Context.class);
    private final LogCapture logs = LogCapture.start();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    @Test
    void runsOneIngestionAndLogsAndReturnsTheSummaryAsOneJsonLineWithTheRequestIdAsCorrelationId() throws Exception {
        when(alerts.watchedPairs()).thenReturn(Set.of(CurrencyPair.of("USD", "KRW"), CurrencyPair.of("USD", "JPY")));
        when(context.getAwsRequestId()).thenReturn("req-123");
        FakeRateProvider provider = new FakeRateProvider("frankfurter", Instant.parse("2026-11-25T00:00:00Z"))
                .quoting("USD/KRW", "1392.5").quoting("USD/JPY", "n/a");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        handler(provider).handleRequest(input(), output, context);

        assertThat(logs.linesOf(IngestionHandler.class)).hasSize(1);
        JsonNode line = logs.linesOf(IngestionHandler.class).get(0);
        assertThat(line.path("message").asText()).isEqualTo("ingestion finished");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("requestId").asText()).isEqualTo("req-123");
        assertThat(line.path("correlationId").asText()).isEqualTo("req-123");
        JsonNode summary = line.path("summary");
        assertThat(summary.path("correlationId").asText()).isEqualTo("req-123");
        assertThat(summary.path("pairsRequested").asInt()).isEqualTo(2);
        assertThat(summary.path("pairsFetched").asInt()).isEqualTo(1);
        assertThat(summary.path("published").asInt()).isEqualTo(1);
        assertThat(summary.path("rejected").path("NON_NUMERIC").asInt()).isEqualTo(1);
        assertThat(summary.path("providerErrors").asInt()).isZero();
        assertThat(summary.path("providers").get(0).path("provider").asText()).isEqualTo("frankfurter");
        assertThat(summary.path("providers").get(0).path("lastCalledAt").asText()).isEqualTo("2026-11-25T03:00:00Z");
        assertThat(mapper.readTree(output.toByteArray())).isEqualTo(summary);
    }

    @Test
    void logsAndRethrowsWhenTheRunFailsAsAWhole() {
        when(alerts.watchedPairs()).thenThrow(new IllegalStateException("alerts table unreachable"));
        when(context.getAwsRequestId()).thenReturn("req-456");
        FakeRateProvider provider = new FakeRateProvider("frankfurter", clock.instant());

        assertThatThrownBy(() -> handler(provider).handleRequest(input(), new ByteArrayOutputStream(), context))
                .hasMessage("alerts table unreachable");
        assertThat(logs.linesOf(IngestionHandler.class)).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("message").asText()).isEqualTo("ingestion failed");
            assertThat(line.path("correlationId").asText()).isEqualTo("req-456");
            assertThat(line.path("stack_trace").asText()).contains("alerts table unreachable");
        });
    }

    private IngestionHandler handler(FakeRateProvider provider) {
        IngestionService service = new IngestionService(List.of(provider), alerts, new InMemoryRateHistory(),
                new RecordingPublisher(), clock, IngestionConfig.fromEnvironment(Map.of()));
        return new IngestionHandler(service);
    }

    private static ByteArrayInputStream input() {
        return new ByteArrayInputStream(SCHEDULER_EVENT.getBytes(StandardCharsets.UTF_8));
    }
}
