package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.config.SecretBound;
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
public record DeliveryWiring(Supplier<OutboxDelivery> delivery, DeliveryTrigger again, Duration maxDrain) {

    /** The longest drain of one invocation unless DELIVERY_DRAIN_SECONDS says otherwise (timeout 900 s). */
    static final Duration DEFAULT_MAX_DRAIN = Duration.ofSeconds(780);

    /**
     * Everything the function is told by its environment (the bot token comes from {@link Secrets}).
     *
     * @param self the function re-invoked when a drain ends with pushes left (DELIVERY_FUNCTION_NAME; when unset,
     *             the runtime's own AWS_LAMBDA_FUNCTION_NAME, which is the Lambda runtime's, not a setting)
     */
    public record Config(DynamoDbStoreConfig stores, TelegramApiConfig telegramApi, PacingConfig pacing,
                         Optional<String> self, Duration maxDrain) {
    }

    public static Config config(Settings settings) {
        return new Config(DynamoDbStoreConfig.from(settings), TelegramApiConfig.from(settings),
                PacingConfig.from(settings), settings.optional("DELIVERY_FUNCTION_NAME"),
                settings.seconds("DELIVERY_DRAIN_SECONDS", DEFAULT_MAX_DRAIN.toSeconds()));
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
        Supplier<OutboxDelivery> delivery = new SecretBound<>(secrets, current -> {
            TelegramNotifier notifier = TelegramNotifier.create(current.require("TELEGRAM_BOT_TOKEN"),
                    config.telegramApi());
            PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(), observer,
                    config.pacing(), clock);
            return new OutboxDelivery(stores.alerts(), stores.users(), sender, clock, Sleeper.system(), rounds,
                    OutboxDelivery.Config.DEFAULTS);
        });
        return new DeliveryWiring(delivery, new LambdaDeliveryTrigger(LambdaClient.create(),
                config.self().orElseGet(() -> System.getenv("AWS_LAMBDA_FUNCTION_NAME"))),
                config.maxDrain());
    }
}
