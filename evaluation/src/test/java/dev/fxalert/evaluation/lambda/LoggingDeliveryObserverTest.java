package dev.fxalert.evaluation.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.testing.LogCapture;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.evaluation.delivery.Push;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingDeliveryObserverTest {

    private static final Instant OBSERVED = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void logsAttemptsTelegramRefusedWithTheRateEventAsCorrelationAndSkipsDeliveries() {
        LoggingDeliveryObserver observer = new LoggingDeliveryObserver();
        Push push = new Push("k3m9x2qa", "u1", "event-7", OBSERVED, OutgoingMessage.text(42, "hi"));

        List<JsonNode> lines;
        try (LogCapture logs = LogCapture.start();
             LogCorrelation.Scope sweep = LogCorrelation.invocation("req-9")) {
            observer.onAttempt(new DeliveryReport(push, DeliveryResult.delivered(), 1, OBSERVED.plusSeconds(2)));
            observer.onAttempt(new DeliveryReport(push, new DeliveryResult.Failed("500 Internal Server Error"), 2,
                    OBSERVED.plusSeconds(3)));
            lines = logs.linesOf(LoggingDeliveryObserver.class);
            assertThat(logs.rawLines()).noneMatch(line -> line.contains("token"));
            assertThat(MDC.get(LogCorrelation.CORRELATION_ID)).as("the invocation's own id is back").isEqualTo("req-9");
        }

        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("correlationId").asText()).isEqualTo("event-7");
        assertThat(line.path("requestId").asText()).isEqualTo("req-9");
        assertThat(line.path("result").asText()).isEqualTo("Failed");
        assertThat(line.path("eventToPushLagMs").asLong()).isEqualTo(3000);
        assertThat(MDC.get(LogCorrelation.CORRELATION_ID)).isNull();
    }

    @Test
    void countsAttemptsByOutcomeForOneMetricsLinePerInvocation() {
        LoggingDeliveryObserver observer = new LoggingDeliveryObserver();
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
