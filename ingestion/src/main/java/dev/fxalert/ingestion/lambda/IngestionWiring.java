package dev.fxalert.ingestion.lambda;

import dev.fxalert.core.config.SecretBound;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.event.RateUpdatedJson;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.RateProviders;
import dev.fxalert.ingestion.publish.EventBridgeRateEventPublisher;
import dev.fxalert.core.retry.Sleeper;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The ingestion Lambda's composition root, in the style every function shares: {@link #config} reads every setting
 * the function uses (one typed record per module, through the one {@link Settings} reader), and
 * {@link #fromEnvironment} builds what the thin {@link IngestionHandler} calls, once per container (and again when a
 * secret was rotated).
 */
public final class IngestionWiring {

    private IngestionWiring() {
    }

    /** Everything the function is told by its environment. */
    public record Config(IngestionConfig ingestion, DynamoDbStoreConfig stores) {
    }

    public static Config config(Settings settings, Secrets secrets) {
        return new Config(IngestionConfig.from(settings, secrets), DynamoDbStoreConfig.from(settings));
    }

    /**
     * The service, built on first use and again when the provider key has been rotated ({@link SecretBound}): this
     * reads no secret, so a SnapStart snapshot holds none. Clients that hold no secret are built once.
     */
    public static Supplier<IngestionService> fromEnvironment(Settings settings, Secrets secrets, Clock clock) {
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), DynamoDbStoreConfig.from(settings), clock);
        EventBridgeClient eventBridge = EventBridgeClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        Sleeper sleeper = Sleeper.system();
        return new SecretBound<>(secrets, current -> {
            IngestionConfig ingestion = IngestionConfig.from(settings, current);
            var publisher = new EventBridgeRateEventPublisher(eventBridge, ingestion.eventBusName(),
                    new RateUpdatedJson(), ingestion.publishRetry(), sleeper, RateProviders.threadSafeRandom());
            return new IngestionService(RateProviders.fromConfig(ingestion, clock, sleeper), stores.alerts(),
                    stores.rateHistory(), publisher, clock, ingestion);
        });
    }
}
