package dev.fxalert.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.metrics.EmbeddedMetrics.Metric;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMetricsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmbeddedMetrics metrics = new EmbeddedMetrics("evaluation",
            new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void writesOneEmfLineThatDeclaresEveryValueItCarries() throws Exception {
        metrics.emit(Metric.count("PushesSent", 3), Metric.millis("EvaluationDuration", 42));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(text);
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z").toEpochMilli());
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("FxAlert");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("Service");
        assertThat(line.get("Service").asText()).isEqualTo("evaluation");
        assertThat(directive.get("Metrics").toString())
                .isEqualTo("[{\"Name\":\"PushesSent\",\"Unit\":\"Count\"},{\"Name\":\"EvaluationDuration\",\"Unit\":\"Milliseconds\"}]");
        assertThat(line.get("PushesSent").asDouble()).isEqualTo(3.0);
        assertThat(line.get("EvaluationDuration").asDouble()).isEqualTo(42.0);
    }

    @Test
    void writesNothingForNoMetrics() {
        metrics.emit(List.of());

        assertThat(out.size()).isZero();
    }
}
