package dev.fxalert.bot.local;

import dev.fxalert.bot.app.ConsoleStreams;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
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

    /**
     * The one settings reader over Spring's environment: the same names as the Lambdas' environment variables (and
     * tests may set them as properties).
     */
    @Bean
    @ConditionalOnMissingBean
    public Settings settings(Environment environment) {
        return Settings.of(environment::getProperty);
    }

    @Bean
    @ConditionalOnMissingBean
    public LocalSettings localSettings(Settings settings) {
        return LocalSettings.from(settings);
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
    public Stores stores(LocalSettings settings, Clock clock) {
        if (settings.store() == LocalSettings.StoreKind.DYNAMODB) {
            DynamoDbStoreConfig dynamo = settings.dynamoDb();
            log.info("Store: DynamoDB tables {}, {}, {}{}", dynamo.usersTable(), dynamo.alertsTable(),
                    dynamo.rateHistoryTable(), settings.dynamoDbEndpoint().isBlank() ? "" : " at " + settings.dynamoDbEndpoint());
            return DynamoDbStores.create(dynamoDbClient(settings), dynamo, clock);
        }
        log.info("Store: embedded database file {}", settings.embedded().databaseFile().toAbsolutePath());
        return EmbeddedStores.open(settings.embedded(), clock);
    }

    private static DynamoDbClient dynamoDbClient(LocalSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.awsRegion()));
        if (!settings.dynamoDbEndpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.dynamoDbEndpoint()));
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
