package dev.fxalert.bot.local;

import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.DeliveryWorker;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.IngestionSummary;
import dev.fxalert.ingestion.ProviderSources;
import dev.fxalert.ingestion.RateProviders;
import dev.fxalert.ingestion.provider.DemoRateProvider;
import dev.fxalert.ingestion.publish.InProcessRateEventBus;
import dev.fxalert.core.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local all-in-one pipeline, the same services the Lambdas run: ingestion (on the admin API's controllable
 * local schedule, INGESTION_INTERVAL) publishes on an in-process bus, evaluation fires alerts and pushes them
 * in the outbox, and the delivery worker drains it through the paced sender to the app's Notifier (Telegram, or
 * the console). Settings are read under the same
 * environment names as on Lambda.
 */
@Configuration(proxyBeanMethods = false)
public class LocalPipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalPipelineConfiguration.class);
    /** Conditional writes of one fan-out in flight at once (H2 serialises commits; a few overlap the rest). */
    private static final int CONCURRENT_FIRING_WRITES = 4;

    @Bean
    IngestionConfig ingestionConfig(Settings settings, Secrets secrets) {
        IngestionConfig config = IngestionConfig.from(settings, secrets);
        log.info("Rate providers, in failover order: {}", config.providerNames());
        return config;
    }

    @Bean
    InProcessRateEventBus rateEventBus() {
        return new InProcessRateEventBus();
    }

    /** Also the app's RateLookup (/rate when history is stale); the empty default steps aside. */
    @Bean
    IngestionService ingestionService(IngestionConfig config, AlertStore alerts, RateHistory history,
                                      InProcessRateEventBus bus, Clock clock,
                                      ObjectProvider<DemoRateProvider> demo) {
        // FX_ALERT_DEMO: the simulated provider alone, so demo and real rates never mix (DemoModeConfiguration).
        DemoRateProvider simulated = demo.getIfAvailable();
        List<RateProvider> providers = simulated != null ? List.of(simulated)
                : RateProviders.fromConfig(config, clock, Sleeper.system());
        return new IngestionService(providers, alerts, history, bus, clock, config);
    }

    /** What /alert accepts and /currencies lists: the running chain's lists, kept current by ingestion's runs. */
    @Bean
    CurrencyCatalogue currencyCatalogue(IngestionService ingestion) {
        return ingestion.catalogue();
    }

    /** What /rate says a number is and /sources lists: derived from the rate history and the chain's schedules. */
    @Bean
    RateSources rateSources(IngestionConfig config, CurrencyCatalogue catalogue, AlertStore alerts, RateHistory history,
                            Clock clock) {
        return ProviderSources.of(config, catalogue, alerts, history, clock);
    }

    @Bean(destroyMethod = "close")
    PacedSender pacedSender(Notifier notifier, AlertStore alerts, UserStore users, OperationsJournal journal,
                            ObjectProvider<PipelineMetrics> metrics, Settings settings, Clock clock) {
        DeliveryObserver journaled = journal::recordPush;
        DeliveryObserver measured = metrics.getIfAvailable(() -> PipelineMetrics.NONE).deliveries();
        return PacedSender.create(notifier, alerts, users, report -> {
                    journaled.onAttempt(report);
                    measured.onAttempt(report);
                },
                PacingConfig.from(settings), clock);
    }

    /**
     * The one delivery path: a thread that drains the outbox through the paced sender when evaluation recorded
     * pushes and on a timer (the local twin of the Lambda's sweep schedule); see docs/delivery.md.
     */
    @Bean(destroyMethod = "close")
    DeliveryWorker deliveryWorker(AlertStore alerts, UserStore users, PacedSender sender, Clock clock,
                                  LocalSettings settings) {
        ExecutorService rounds = Executors.newFixedThreadPool(OutboxDelivery.Config.DEFAULTS.roundsInFlight(), task -> {
            Thread thread = new Thread(task, "fx-delivery-round");
            thread.setDaemon(true);
            return thread;
        });
        OutboxDelivery delivery = new OutboxDelivery(alerts, users, sender, clock,
                dev.fxalert.core.retry.Sleeper.system(), rounds,
                OutboxDelivery.Config.DEFAULTS);
        return new DeliveryWorker(delivery::drain, clock, settings.pendingPushSweepInterval(), Duration.ofMinutes(1))
                .start();
    }

    /** Evaluation only records pushes and wakes the worker: ingestion never waits for Telegram. */
    @Bean
    EvaluationService evaluationService(AlertStore alerts, UserStore users, DeliveryWorker delivery, Clock clock,
                                        Settings settings, RateHistory rateHistory) {
        ExecutorService writes = Executors.newFixedThreadPool(CONCURRENT_FIRING_WRITES, task -> {
            Thread thread = new Thread(task, "fx-evaluation-write");
            thread.setDaemon(true);
            return thread;
        });
        PacingConfig pacing = PacingConfig.from(settings);
        return EvaluationService.recording(alerts, users, clock, EvaluationConfig.from(settings), delivery,
                pacing.globalInterval(), pacing.perChatInterval(), writes, CONCURRENT_FIRING_WRITES)
                .withMoves(rateHistory); // issue 14: base rates of percent moves
    }

    /** The bus delivers each RateUpdated to evaluation, as the EventBridge rule does on AWS. */
    @Bean(destroyMethod = "close")
    InProcessRateEventBus.Subscription evaluationSubscription(InProcessRateEventBus bus, EvaluationService evaluation,
                                                              ObjectProvider<PipelineMetrics> metrics) {
        PipelineMetrics measured = metrics.getIfAvailable(() -> PipelineMetrics.NONE);
        return bus.subscribe(event -> measured.evaluation(() -> evaluation.onRateUpdated(event)));
    }

    /** What the admin API's "run now" and the local schedule call. */
    @Bean
    IngestionTrigger ingestionTrigger(IngestionService ingestion, ObjectProvider<PipelineMetrics> metrics) {
        PipelineMetrics measured = metrics.getIfAvailable(() -> PipelineMetrics.NONE);
        return () -> {
            IngestionSummary summary = ingestion.runOnce();
            measured.ingestionRun(summary);
            return IngestionReport.of(summary);
        };
    }

    /** Broadcasts share the pushes' limiter (taking turns with pushes; replies go first). */
    @Bean
    BroadcastSender broadcastSender(PacedSender sender) {
        return sender.broadcastBudget()::send;
    }

    /** Fetch once right after start, so a fresh install has rates without waiting a whole interval. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> firstIngestionAtStart(IngestionTrigger trigger, OperationsJournal journal,
                                                                     LocalSettings settings) {
        return event -> {
            if (!settings.ingestionAtStart()) {
                return;
            }
            Thread first = new Thread(() -> {
                try {
                    journal.recordIngestion(trigger.runNow());
                } catch (RuntimeException e) {
                    log.warn("First ingestion run failed; the schedule tries again: {}", e.toString());
                }
            }, "fx-ingestion-first-run");
            first.setDaemon(true);
            first.start();
        };
    }
}
