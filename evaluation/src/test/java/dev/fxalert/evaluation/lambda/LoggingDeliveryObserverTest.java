package dev.fxalert.evaluation.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.evaluation.delivery.Push;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingDeliveryObserverTest {

    private static final Instant OBSERVED = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void logsAttemptsTelegramRefusedWithTheRateEventAsCorrelationAndSkipsDeliveries() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggingDeliveryObserver observer = new LoggingDeliveryObserver(new JsonLog(mapper,
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(OBSERVED, ZoneOffset.UTC)));
        Push push = new Push("k3m9x2qa", "u1", "event-7", OBSERVED, OutgoingMessage.text(42, "hi"));

        observer.onAttempt(new DeliveryReport(push, DeliveryResult.delivered(), 1, OBSERVED.plusSeconds(2)));
        observer.onAttempt(new DeliveryReport(push, new DeliveryResult.Failed("500 Internal Server Error"), 2,
                OBSERVED.plusSeconds(3)));

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = mapper.readTree(lines[0]);
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("correlationId").asText()).isEqualTo("event-7");
        assertThat(line.path("result").asText()).isEqualTo("Failed");
        assertThat(line.path("eventToPushLagMs").asLong()).isEqualTo(3000);
        assertThat(lines[0]).doesNotContain("token");
    }

    @Test
    void countsAttemptsByOutcomeForOneMetricsLinePerInvocation() {
        LoggingDeliveryObserver observer = new LoggingDeliveryObserver(new JsonLog(new ObjectMapper(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.fixed(OBSERVED, ZoneOffset.UTC)));
        Push push = new Push("k3m9x2qa", "u1", "event-7", OBSERVED, OutgoingMessage.text(42, "hi"));

        observer.onAttempt(new DeliveryReport(push, DeliveryResult.delivered(), 1, OBSERVED));
        observer.onAttempt(new DeliveryReport(push, DeliveryResult.delivered(), 1, OBSERVED));
        observer.onAttempt(new DeliveryReport(push, new DeliveryResult.RetryAfter(java.time.Duration.ofSeconds(3)), 1, OBSERVED));
        observer.onAttempt(new DeliveryReport(push, new DeliveryResult.RecipientGone("blocked"), 1, OBSERVED));
        observer.onAttempt(new DeliveryReport(push, new DeliveryResult.Failed("500"), 1, OBSERVED));

        assertThat(observer.drainMetrics()).extracting(m -> m.name() + "=" + (long) m.value())
                .containsExactly("PushesSent=2", "PushesFailed=1", "PushesRetryAfter=1");
        assertThat(observer.drainMetrics()).as("drained").allMatch(m -> m.value() == 0);
    }
}
