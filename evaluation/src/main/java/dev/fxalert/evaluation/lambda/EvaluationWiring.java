package dev.fxalert.evaluation.lambda;

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

import java.time.Clock;

/**
 * The evaluation Lambda's composition root, in the style every function shares: {@link #config} reads every setting
 * the function uses through the one {@link Settings} reader, {@link #fromEnvironment} builds what the thin
 * {@link EvaluationHandler} calls, once per container.
 */
public final class EvaluationWiring {

    private EvaluationWiring() {
    }

    /** Everything the function is told by its environment (the bot token comes from {@link Secrets}). */
    public record Config(DynamoDbStoreConfig stores, TelegramApiConfig telegramApi, PacingConfig pacing,
                         EvaluationConfig evaluation) {
    }

    public static Config config(Settings settings) {
        return new Config(DynamoDbStoreConfig.from(settings), TelegramApiConfig.from(settings),
                PacingConfig.from(settings), EvaluationConfig.from(settings));
    }

    public static EvaluationService fromEnvironment(Settings settings, Secrets secrets, Clock clock) {
        Config config = config(settings);
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), config.stores(), clock);
        String token = secrets.require("TELEGRAM_BOT_TOKEN");
        TelegramNotifier notifier = TelegramNotifier.create(token, config.telegramApi());
        PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(), new LoggingDeliveryObserver(),
                config.pacing(), clock);
        return new EvaluationService(stores.alerts(), stores.users(), sender, clock, config.evaluation());
    }
}
