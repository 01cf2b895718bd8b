package dev.fxalert.bot.app;

import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Beans other modules or tests may replace: being an auto-configuration, it runs after the application's own
 * configuration, so {@link ConditionalOnMissingBean} reliably steps aside (e.g. for ingestion's RateLookup).
 */
@AutoConfiguration
public class FxAlertDefaults {

    private static final Logger log = LoggerFactory.getLogger(FxAlertDefaults.class);

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Secrets from the process environment (Spring's view of it, so tests can set them as properties). */
    @Bean
    @ConditionalOnMissingBean
    public Secrets secrets(Environment environment) {
        return new Secrets(environment::getProperty);
    }

    /** Until ingestion provides the real lookup, /rate answers from the stored history only. */
    @Bean
    @ConditionalOnMissingBean
    public RateLookup noOnDemandRateLookup() {
        return pair -> Optional.empty();
    }

    @Bean
    @ConditionalOnMissingBean
    public ConsoleStreams consoleStreams() {
        return new ConsoleStreams(System.in, System.out);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Stores stores(FxAlertProperties properties, Clock clock) {
        if (properties.store() == FxAlertProperties.StoreKind.DYNAMODB) {
            FxAlertProperties.DynamoDb dynamo = properties.dynamodb();
            log.info("Store: DynamoDB tables {}, {}, {}{}", dynamo.usersTable(), dynamo.alertsTable(),
                    dynamo.rateHistoryTable(), dynamo.endpoint().isBlank() ? "" : " at " + dynamo.endpoint());
            return DynamoDbStores.create(dynamoDbClient(dynamo), new DynamoDbStoreConfig(dynamo.usersTable(),
                    dynamo.alertsTable(), dynamo.rateHistoryTable(), properties.maxAlertsPerUser()), clock);
        }
        log.info("Store: embedded database file {}", properties.dbPath().toAbsolutePath());
        return EmbeddedStores.open(new EmbeddedStoreConfig(properties.dbPath(), properties.maxAlertsPerUser()), clock);
    }

    private static DynamoDbClient dynamoDbClient(FxAlertProperties.DynamoDb dynamo) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(dynamo.region()));
        if (!dynamo.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(dynamo.endpoint()));
            // A local DynamoDB accepts any credentials; only ask the AWS chain when it has something to give.
            if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            } else {
                builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
            }
        }
        return builder.build();
    }
}
