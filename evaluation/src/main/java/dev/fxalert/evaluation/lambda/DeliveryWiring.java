package dev.fxalert.evaluation.lambda;

import dev.fxalert.schedule.eventbridge.EventBridgeScheduleConfig;
import dev.fxalert.schedule.eventbridge.EventBridgeScheduleManager;
import dev.fxalert.core.config.SecretBound;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.evaluation.DeliveryTrigger;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.core.retry.Sleeper;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.evaluation.digest.DigestBatch;
import dev.fxalert.evaluation.digest.DigestService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The Delivery Lambda's composition root, in the style every function shares: {@link #config} reads every setting
 * the function uses through the one {@link Settings} reader, {@link #fromEnvironment} builds what the thin
 * {@link DeliveryHandler} calls, once per container; what holds the bot token is built on first use and again after
 * a rotation ({@link SecretBound}), so no SnapStart snapshot holds it.
 */
public record DeliveryWiring(Supplier<OutboxDelivery> delivery, Supplier<DigestBatch> digests, DeliveryTrigger again,
                             Duration maxDrain) {

    /** The longest drain of one invocation unless DELIVERY_DRAIN_SECONDS says otherwise (timeout 900 s). */
    static final Duration DEFAULT_MAX_DRAIN = Duration.ofSeconds(780);

    /**
     * Everything the function is told by its environment (the bot token comes from {@link Secrets}).
     *
     * @param self          the function re-invoked when a drain ends with pushes left (DELIVERY_FUNCTION_NAME; when
     *                      unset, the runtime's own AWS_LAMBDA_FUNCTION_NAME, which is the Lambda runtime's, not a
     *                      setting)
     * @param digestGroup   the schedule group of the users' digest schedules (DIGEST_SCHEDULE_GROUP), where a stale
     *                      one is deleted when it fires
     */
    public record Config(DynamoDbStoreConfig stores, TelegramApiConfig telegramApi, PacingConfig pacing,
                         Optional<String> self, Duration maxDrain, String digestGroup) {
    }

    public static Config config(Settings settings) {
        return new Config(DynamoDbStoreConfig.from(settings), TelegramApiConfig.from(settings),
                PacingConfig.from(settings), settings.optional("DELIVERY_FUNCTION_NAME"),
                settings.seconds("DELIVERY_DRAIN_SECONDS", DEFAULT_MAX_DRAIN.toSeconds()),
                settings.text("DIGEST_SCHEDULE_GROUP", DigestSchedules.GROUP));
    }

    /** One sender per bot token: the outbox's drains and the digests take their slots from its one limiter. */
    private record Sending(OutboxDelivery delivery, DigestBatch digests) {
    }

    static DeliveryWiring fromEnvironment(Settings settings, Secrets secrets, Clock clock,
                                          LoggingDeliveryObserver observer) {
        Config config = config(settings);
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), config.stores(), clock);
        ExecutorService rounds = Executors.newFixedThreadPool(OutboxDelivery.Config.DEFAULTS.roundsInFlight(), task -> {
            Thread thread = new Thread(task, "delivery-round");
            thread.setDaemon(true);
            return thread;
        });
        // Digest batches: enough sends in flight for the budget's pace while Telegram answers (docs/delivery.md).
        int digestsInFlight = 2 * config.pacing().maxInFlight(); // a digest also reads the store before it is sent
        ExecutorService digestSends = Executors.newFixedThreadPool(digestsInFlight, task -> {
            Thread thread = new Thread(task, "digest-send");
            thread.setDaemon(true);
            return thread;
        });
        // Only deletes stale digest schedules (the ingestion schedule's name is never used here).
        ScheduleManager digestSchedules = new EventBridgeScheduleManager(
                SchedulerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                new EventBridgeScheduleConfig("unused", null, null, null));
        Supplier<Sending> sending = new SecretBound<>(secrets, current -> {
            TelegramNotifier notifier = TelegramNotifier.create(current.require("TELEGRAM_BOT_TOKEN"),
                    config.telegramApi());
            PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(), observer,
                    config.pacing(), clock);
            return new Sending(new OutboxDelivery(stores.alerts(), stores.users(), sender, clock, Sleeper.system(),
                    rounds, OutboxDelivery.Config.DEFAULTS),
                    // Digests wait for their turn among pushes in the same limiter (docs/delivery.md).
                    new DigestBatch(stores.users(), new DigestService(stores.users(), stores.alerts(),
                            stores.rateHistory(), sender.broadcastBudget(), clock, digestSchedules,
                            config.digestGroup()), clock, digestSends, digestsInFlight));
        });
        return new DeliveryWiring(() -> sending.get().delivery(), () -> sending.get().digests(),
                new LambdaDeliveryTrigger(LambdaClient.create(),
                config.self().orElseGet(() -> System.getenv("AWS_LAMBDA_FUNCTION_NAME"))),
                config.maxDrain());
    }
}
