package dev.fxalert.bot.local.metrics;

import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.evaluation.DeliveryCounts;
import dev.fxalert.evaluation.EvaluationResult;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.ingestion.IngestionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What each observed event does to the meters; MetricsEndToEndTest shows them on /actuator/prometheus. */
class MicrometerPipelineMetricsTest {

    private static final Instant FIRED = Instant.parse("2026-11-25T15:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);

    private void attempt(DeliveryResult result, Duration afterFiring) {
        Push push = new Push("a1", "u1", "e1", FIRED, OutgoingMessage.text(1, "hi"));
        metrics.deliveries().onAttempt(new DeliveryReport(push, result, 1, FIRED.plus(afterFiring)));
    }

    @Test
    void countsEachSendOutcomeAndTimesOnlyDeliveredPushes() {
        attempt(new DeliveryResult.RetryAfter(Duration.ofSeconds(3)), Duration.ofMillis(100));
        attempt(DeliveryResult.delivered(), Duration.ofMillis(1200));
        attempt(new DeliveryResult.Failed("502"), Duration.ofSeconds(1));
        attempt(new DeliveryResult.Rejected("400 chat not found"), Duration.ofSeconds(1));
        attempt(new DeliveryResult.OutcomeUnknown("timeout"), Duration.ofSeconds(1));
        attempt(new DeliveryResult.RecipientGone("403 blocked"), Duration.ofSeconds(1));
        attempt(new DeliveryResult.ChatMigrated(-100L), Duration.ofSeconds(1));

        assertThat(registry.get("pushes.sent").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("pushes.rate_limited").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("pushes.recipient_gone").counter().count()).isEqualTo(1.0);
        for (String kind : List.of("failed", "rejected", "outcome_unknown")) {
            assertThat(registry.get("pushes.failed").tag("kind", kind).counter().count()).as(kind).isEqualTo(1.0);
        }
        assertThat(registry.get("pushes.lag").timer().count()).isEqualTo(1);
        assertThat(registry.get("pushes.lag").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1200.0);
    }

    @Test
    void aProviderRunCountsCallsFailuresLatencyAndTheLastSuccess() {
        Instant start = Instant.parse("2026-11-25T15:00:00Z");
        metrics.ingestionRun(new IngestionSummary(start, start.plusSeconds(2), 3, 3, 1, 2, 0, Map.of(), 1, List.of(
                new IngestionSummary.ProviderRun("frankfurter", start.plusSeconds(1), 400, 2, 3, 0, null),
                new IngestionSummary.ProviderRun("koreaexim", start, 900, 1, 0, 0, "HTTP 503"),
                new IngestionSummary.ProviderRun("open-er-api", null, 0, 0, 0, 0, null))));

        assertThat(registry.get("provider.calls").tag("provider", "frankfurter").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("provider.latency").tag("provider", "frankfurter").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(400.0);
        assertThat(registry.get("provider.last_success").tag("provider", "frankfurter").gauge().value())
                .isEqualTo(start.plusSeconds(1).getEpochSecond());
        assertThat(registry.get("provider.failures").tag("provider", "koreaexim").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("provider.last_success").tag("provider", "koreaexim").gauge()).isNull();
        assertThat(registry.find("provider.calls").tag("provider", "open-er-api").counter()).as("not called").isNull();
    }

    @Test
    void anEvaluatedEventRecordsWhatItCrossedAndFiredAndHowLongItTook() {
        EvaluationResult result = new EvaluationResult("e1", 3, 2, 1, 0, 0, DeliveryCounts.NONE);

        assertThat(metrics.evaluation(() -> result)).isSameAs(result);

        assertThat(registry.get("alerts.crossed").summary().count()).isEqualTo(1);
        assertThat(registry.get("alerts.crossed").summary().totalAmount()).isEqualTo(3.0);
        assertThat(registry.get("alerts.fired").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("evaluation.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void countsCommandsByNameAndOutcome() {
        metrics.commands().onHandled("alert", CommandObserver.Outcome.OK);
        metrics.commands().onHandled("alert", CommandObserver.Outcome.REFUSED);
        metrics.commands().onHandled("alert", CommandObserver.Outcome.OK);

        assertThat(registry.get("commands.handled").tags("command", "alert", "outcome", "ok").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("commands.handled").tags("command", "alert", "outcome", "refused").counter().count())
                .isEqualTo(1.0);
    }
}
