package dev.fxalert.bot.local.metrics;

import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.bot.local.PipelineMetrics;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.evaluation.EvaluationResult;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.ingestion.IngestionSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The local app's meters, fed by the pipeline's observers and served on {@code /actuator/prometheus}. Names are the
 * ones the Lambdas' EMF metrics use where both exist ({@code pushes.sent}, {@code pushes.failed},
 * {@code pushes.rate_limited}, {@code alerts.crossed}, {@code evaluation.duration}, {@code provider.failures}), so a
 * dashboard reads the same on both runtimes; the table with what each one counts is in docs/metrics.md.
 * Every tag value comes from a small fixed set (our provider and command names, result kinds), never from user text.
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter rateLimited;
    private final Counter recipientGone;
    private final Timer lag;
    private final DistributionSummary crossed;
    private final Counter fired;
    private final Timer evaluationDuration;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public MicrometerPipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sent = Counter.builder("pushes.sent").description("Pushes Telegram accepted").register(registry);
        this.rateLimited = Counter.builder("pushes.rate_limited")
                .description("Send attempts Telegram answered with 429 (the push is sent again after retry_after)")
                .register(registry);
        this.recipientGone = Counter.builder("pushes.recipient_gone")
                .description("Pushes to a chat that blocked the bot or is gone (user deactivated, alerts paused)")
                .register(registry);
        this.lag = Timer.builder("pushes.lag")
                .description("From the alert firing (seconds after the rate event was published) to Telegram accepting the push")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(30)).register(registry);
        this.crossed = DistributionSummary.builder("alerts.crossed")
                .description("Alerts one rate event crossed").publishPercentileHistogram()
                .maximumExpectedValue(100_000.0).register(registry);
        this.fired = Counter.builder("alerts.fired").description("Alerts fired (one push each)").register(registry);
        this.evaluationDuration = Timer.builder("evaluation.duration")
                .description("Evaluating one rate event, its paced pushes included")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    // Observers as lambdas, not as interfaces of this class: Spring would otherwise see this bean as a second
    // CommandObserver beside the one LocalMetricsConfiguration declares.
    @Override
    public DeliveryObserver deliveries() {
        return this::onAttempt;
    }

    @Override
    public CommandObserver commands() {
        return this::onHandled;
    }

    void onAttempt(DeliveryReport report) {
        DeliveryResult result = report.result();
        if (result instanceof DeliveryResult.Delivered) {
            sent.increment();
            lag.record(report.eventToPushLag());
        } else if (result instanceof DeliveryResult.RetryAfter) {
            rateLimited.increment();
        } else if (result instanceof DeliveryResult.RecipientGone) {
            recipientGone.increment();
        } else if (result instanceof DeliveryResult.Failed) {
            failed("failed");
        } else if (result instanceof DeliveryResult.Rejected) {
            failed("rejected");
        } else if (result instanceof DeliveryResult.OutcomeUnknown) {
            failed("outcome_unknown");
        }
        // ChatMigrated: not an outcome, the same push goes to the new chat.
    }

    private void failed(String kind) {
        Counter.builder("pushes.failed").description("Send attempts that failed (kind: failed = 5xx or network, "
                        + "rejected = permanent 400, outcome_unknown = no answer after the request was written)")
                .tag("kind", kind).register(registry).increment();
    }

    void onHandled(String command, CommandObserver.Outcome outcome) {
        Counter.builder("commands.handled").description("Commands and button presses handled, by outcome")
                .tag("command", command).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    @Override
    public EvaluationResult evaluation(Supplier<EvaluationResult> evaluation) {
        Timer.Sample sample = Timer.start(registry);
        try {
            EvaluationResult result = evaluation.get();
            crossed.record(result.crossed());
            fired.increment(result.fired());
            return result;
        } finally {
            sample.stop(evaluationDuration);
        }
    }

    @Override
    public void ingestionRun(IngestionSummary summary) {
        for (IngestionSummary.ProviderRun run : summary.providers()) {
            if (run.calls() == 0) {
                continue; // not needed this run (an earlier provider answered everything)
            }
            String provider = run.provider();
            Counter.builder("provider.calls").description("Rate fetch calls, retries inside a call not counted")
                    .tag("provider", provider).register(registry).increment(run.calls());
            Timer.builder("provider.latency").description("Time a run spent in one provider's calls, retries included")
                    .tag("provider", provider).publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(2))
                    .register(registry).record(run.elapsedMillis(), TimeUnit.MILLISECONDS);
            if (run.error() != null) {
                Counter.builder("provider.failures").description("Runs in which a call to the provider failed after retries")
                        .tag("provider", provider).register(registry).increment();
            } else if (run.lastCalledAt() != null) {
                lastSuccess(provider).set(run.lastCalledAt().getEpochSecond());
            }
        }
    }

    private AtomicLong lastSuccess(String provider) {
        return lastSuccess.computeIfAbsent(provider, name -> {
            AtomicLong epochSeconds = new AtomicLong();
            Gauge.builder("provider.last_success", epochSeconds, AtomicLong::get)
                    .description("When the provider last answered a whole run without error (Unix time)")
                    .baseUnit("seconds").tag("provider", name).register(registry);
            return epochSeconds;
        });
    }
}
