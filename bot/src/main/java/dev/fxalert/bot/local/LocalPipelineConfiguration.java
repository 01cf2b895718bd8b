package dev.fxalert.bot.local;

import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.ProviderSources;
import dev.fxalert.ingestion.RateProviders;
import dev.fxalert.ingestion.publish.InProcessRateEventBus;
import dev.fxalert.ingestion.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;

/**
 * The local all-in-one pipeline, the same services the Lambdas run: ingestion (on the admin API's controllable
 * local schedule, INGESTION_INTERVAL) publishes on an in-process bus, evaluation fires alerts and pushes them
 * through the paced sender to the app's Notifier (Telegram, or the console). Settings are read under the same
 * environment names as on Lambda.
 */
@Configuration(proxyBeanMethods = false)
public class LocalPipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalPipelineConfiguration.class);

    @Bean
    IngestionConfig ingestionConfig(Environment environment) {
        IngestionConfig config = IngestionConfig.fromEnvironment(new EnvironmentMap(environment));
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
                                      InProcessRateEventBus bus, Clock clock) {
        return new IngestionService(RateProviders.fromConfig(config, clock, Sleeper.system()), alerts, history, bus,
                clock, config);
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
                            Environment environment, Clock clock) {
        return PacedSender.create(notifier, alerts, users, new JournalDeliveryObserver(journal),
                PacingConfig.fromEnvironment(new EnvironmentMap(environment)), clock);
    }

    @Bean
    EvaluationService evaluationService(AlertStore alerts, UserStore users, PacedSender sender, Clock clock,
                                        Environment environment) {
        return new EvaluationService(alerts, users, sender, clock,
                EvaluationConfig.fromEnvironment(new EnvironmentMap(environment)));
    }

    /** The bus delivers each RateUpdated to evaluation, as the EventBridge rule does on AWS. */
    @Bean(destroyMethod = "close")
    InProcessRateEventBus.Subscription evaluationSubscription(InProcessRateEventBus bus, EvaluationService evaluation) {
        return bus.subscribe(evaluation::onRateUpdated);
    }

    @Bean(destroyMethod = "close")
    PendingPushSweeper pendingPushSweeper(EvaluationService evaluation,
                                          @Value("${fx-alert.pending-push-sweep-interval:PT1M}") Duration every) {
        return new PendingPushSweeper(evaluation, every);
    }

    /** What the admin API's "run now" and the local schedule call. */
    @Bean
    IngestionTrigger ingestionTrigger(IngestionService ingestion) {
        return () -> IngestionReports.of(ingestion.runOnce());
    }

    /** Broadcasts share the pushes' limiter, so together they stay within Telegram's limits. */
    @Bean
    BroadcastSender broadcastSender(PacedSender sender) {
        return sender.sharedBudget()::send;
    }

    /** Fetch once right after start, so a fresh install has rates without waiting a whole interval. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> firstIngestionAtStart(IngestionTrigger trigger, OperationsJournal journal,
                                                                     @Value("${fx-alert.ingestion.run-at-start:true}") boolean enabled) {
        return event -> {
            if (!enabled) {
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
