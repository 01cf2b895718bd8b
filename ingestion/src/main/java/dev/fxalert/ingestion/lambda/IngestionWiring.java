package dev.fxalert.ingestion.lambda;

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
import dev.fxalert.ingestion.retry.Sleeper;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Clock;

/**
 * The ingestion Lambda's composition root, in the style every function shares: {@link #config} reads every setting
 * the function uses (one typed record per module, through the one {@link Settings} reader), and
 * {@link #fromEnvironment} builds what the thin {@link IngestionHandler} calls, once per container.
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

    public static IngestionService fromEnvironment(Settings settings, Secrets secrets, Clock clock) {
        Config config = config(settings, secrets);
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), config.stores(), clock);
        EventBridgeClient eventBridge = EventBridgeClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        Sleeper sleeper = Sleeper.system();
        IngestionConfig ingestion = config.ingestion();
        var publisher = new EventBridgeRateEventPublisher(eventBridge, ingestion.eventBusName(), new RateUpdatedJson(),
                ingestion.publishRetry(), sleeper, RateProviders.threadSafeRandom());
        return new IngestionService(RateProviders.fromConfig(ingestion, clock, sleeper), stores.alerts(),
                stores.rateHistory(), publisher, clock, ingestion);
    }
}
