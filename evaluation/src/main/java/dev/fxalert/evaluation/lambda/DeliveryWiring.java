package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.config.SecretBound;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.evaluation.DeliveryTrigger;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.delivery.Sleeper;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The Delivery Lambda's collaborators, built from the environment once per container; what holds the bot token is
 * built on first use and again after a rotation ({@link SecretBound}), so no SnapStart snapshot holds it.
 */
record DeliveryWiring(Supplier<OutboxDelivery> delivery, DeliveryTrigger again, Duration maxDrain) {

    /** The longest drain of one invocation unless DELIVERY_DRAIN_SECONDS says otherwise (timeout 900 s). */
    static final Duration DEFAULT_MAX_DRAIN = Duration.ofSeconds(780);

    static DeliveryWiring fromEnvironment(Map<String, String> env, Clock clock, LoggingDeliveryObserver observer) {
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), DynamoDbStoreConfig.fromEnvironment(env), clock);
        TelegramApiConfig telegram = TelegramApiConfig.fromEnvironment(env);
        PacingConfig pacing = PacingConfig.fromEnvironment(env);
        ExecutorService rounds = Executors.newFixedThreadPool(OutboxDelivery.Config.DEFAULTS.roundsInFlight(), task -> {
            Thread thread = new Thread(task, "delivery-round");
            thread.setDaemon(true);
            return thread;
        });
        Supplier<OutboxDelivery> delivery = new SecretBound<>(Secrets.fromEnvironment(), secrets -> {
            TelegramNotifier notifier = TelegramNotifier.create(secrets.require("TELEGRAM_BOT_TOKEN"), telegram);
            PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(), observer, pacing, clock);
            return new OutboxDelivery(stores.alerts(), stores.users(), sender, clock, Sleeper.system(), rounds,
                    OutboxDelivery.Config.DEFAULTS);
        });
        String self = env.getOrDefault("DELIVERY_FUNCTION_NAME", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        Duration maxDrain = Duration.ofSeconds(Long.parseLong(env.getOrDefault("DELIVERY_DRAIN_SECONDS",
                String.valueOf(DEFAULT_MAX_DRAIN.toSeconds()))));
        return new DeliveryWiring(delivery, new LambdaDeliveryTrigger(LambdaClient.create(), self), maxDrain);
    }
}
