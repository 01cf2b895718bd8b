package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.config.SecretBound;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the Lambda's collaborators from the environment, once per container. */
final class EvaluationWiring {

    /** Conditional writes of one fan-out in flight at once: each is a DynamoDB round trip. */
    private static final int CONCURRENT_FIRING_WRITES = 16;

    private EvaluationWiring() {
    }

    /**
     * The service, built on first use and again when the bot token has been rotated ({@link SecretBound}): the
     * constructor of the handler reads no secret, so a SnapStart snapshot holds none.
     */
    static Supplier<EvaluationService> fromEnvironment(Map<String, String> env, Clock clock, LoggingDeliveryObserver observer) {
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), DynamoDbStoreConfig.fromEnvironment(env), clock);
        String deliveryFunction = env.get("DELIVERY_FUNCTION_NAME");
        if (deliveryFunction != null && !deliveryFunction.isBlank()) {
            // Recorded delivery: evaluation fills the outbox and wakes the Delivery function, which alone sends
            // (and alone reads the bot token).
            EvaluationService recording = EvaluationService.recording(stores.alerts(), stores.users(), clock,
                    EvaluationConfig.fromEnvironment(env),
                    new LambdaDeliveryTrigger(LambdaClient.create(), deliveryFunction),
                    PacingConfig.fromEnvironment(env).globalInterval(),
                    java.util.concurrent.Executors.newFixedThreadPool(CONCURRENT_FIRING_WRITES, task -> {
                        Thread thread = new Thread(task, "evaluation-write");
                        thread.setDaemon(true);
                        return thread;
                    }), CONCURRENT_FIRING_WRITES);
            return () -> recording;
        }
        TelegramApiConfig telegram = TelegramApiConfig.fromEnvironment(env);
        PacingConfig pacing = PacingConfig.fromEnvironment(env);
        EvaluationConfig config = EvaluationConfig.fromEnvironment(env);
        return new SecretBound<>(Secrets.fromEnvironment(), secrets -> {
            TelegramNotifier notifier = TelegramNotifier.create(secrets.require("TELEGRAM_BOT_TOKEN"), telegram);
            PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(),
                    observer, pacing, clock);
            return new EvaluationService(stores.alerts(), stores.users(), sender, clock, config);
        });
    }
}
