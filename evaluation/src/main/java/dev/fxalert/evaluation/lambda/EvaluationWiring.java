package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.config.SecretBound;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The evaluation Lambda's composition root, in the style every function shares: {@link #config} reads every setting
 * the function uses through the one {@link Settings} reader, {@link #fromEnvironment} builds what the thin
 * {@link EvaluationHandler} calls, once per container; what holds the bot token is built on first use and again
 * after a rotation ({@link SecretBound}), so no SnapStart snapshot holds it.
 */
public final class EvaluationWiring {

    /** Conditional writes of one fan-out in flight at once: each is a DynamoDB round trip. */
    private static final int CONCURRENT_FIRING_WRITES = 16;

    private EvaluationWiring() {
    }

    /**
     * Everything the function is told by its environment (the bot token comes from {@link Secrets}).
     *
     * @param deliveryFunction when present, recorded delivery: evaluation fills the outbox and wakes that function
     */
    public record Config(DynamoDbStoreConfig stores, TelegramApiConfig telegramApi, PacingConfig pacing,
                         EvaluationConfig evaluation, Optional<String> deliveryFunction) {
    }

    public static Config config(Settings settings) {
        return new Config(DynamoDbStoreConfig.from(settings), TelegramApiConfig.from(settings),
                PacingConfig.from(settings), EvaluationConfig.from(settings),
                settings.optional("DELIVERY_FUNCTION_NAME"));
    }

    /**
     * The service, built on first use and again when the bot token has been rotated ({@link SecretBound}): the
     * constructor of the handler reads no secret, so a SnapStart snapshot holds none.
     */
    static Supplier<EvaluationService> fromEnvironment(Settings settings, Secrets secrets, Clock clock,
                                                       LoggingDeliveryObserver observer) {
        Config config = config(settings);
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), config.stores(), clock);
        if (config.deliveryFunction().isPresent()) {
            // Recorded delivery: evaluation fills the outbox and wakes the Delivery function, which alone sends
            // (and alone reads the bot token).
            EvaluationService recording = EvaluationService.recording(stores.alerts(), stores.users(), clock,
                    config.evaluation(),
                    new LambdaDeliveryTrigger(LambdaClient.create(), config.deliveryFunction().get()),
                    config.pacing().globalInterval(), config.pacing().perChatInterval(),
                    Executors.newFixedThreadPool(CONCURRENT_FIRING_WRITES, task -> {
                        Thread thread = new Thread(task, "evaluation-write");
                        thread.setDaemon(true);
                        return thread;
                    }), CONCURRENT_FIRING_WRITES).withMoves(stores.rateHistory());
            return () -> recording;
        }
        return new SecretBound<>(secrets, current -> {
            TelegramNotifier notifier = TelegramNotifier.create(current.require("TELEGRAM_BOT_TOKEN"),
                    config.telegramApi());
            PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(), observer,
                    config.pacing(), clock);
            return new EvaluationService(stores.alerts(), stores.users(), sender, clock, config.evaluation())
                    .withMoves(stores.rateHistory());
        });
    }
}
