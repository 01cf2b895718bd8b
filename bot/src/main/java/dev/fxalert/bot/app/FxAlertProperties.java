package dev.fxalert.bot.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every non-secret setting of the local service ({@code fx-alert.*}), bound in application.properties to the
 * fixed environment names listed in .env.example. Secrets (bot token, admin token, provider keys) are not
 * here: they are read from the environment only, through core's {@code Secrets}, and never logged.
 */
@ConfigurationProperties("fx-alert")
public record FxAlertProperties(
        @DefaultValue("embedded") StoreKind store,
        @DefaultValue("./data/fx-alert.db") Path dbPath,
        @DefaultValue("50") int maxAlertsPerUser,
        @DefaultValue Telegram telegram,
        @DefaultValue Chat chat,
        @DefaultValue Ingestion ingestion,
        @DefaultValue DynamoDb dynamodb) {

    /** An empty line in .env (e.g. {@code FX_ALERT_DB_PATH=}) binds as null: it means "the default", not "none". */
    public FxAlertProperties {
        store = store == null ? StoreKind.EMBEDDED : store;
        dbPath = dbPath == null || dbPath.toString().isBlank() ? Path.of("./data/fx-alert.db") : dbPath;
    }

    public enum StoreKind { EMBEDDED, DYNAMODB }

    /**
     * @param apiUrl      Bot API base (TELEGRAM_API_URL); a fake server in tests and staging
     * @param botUsername our @name, so group commands for other bots are left alone; empty when unknown
     * @param workers     threads handling updates of different chats in parallel
     */
    public record Telegram(@DefaultValue("https://api.telegram.org") String apiUrl,
                           @DefaultValue("") String botUsername,
                           @DefaultValue("4") int workers,
                           @DefaultValue("PT10S") Duration shutdownGrace) {
        public Telegram {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl;
            botUsername = botUsername == null ? "" : botUsername;
            shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
        }
    }

    /** @param rateFreshness a stored rate younger than this answers /rate without asking the providers */
    public record Chat(@DefaultValue("20") int commandsPerMinute, @DefaultValue("PT15M") Duration rateFreshness) {
        public Chat {
            rateFreshness = rateFreshness == null ? Duration.ofMinutes(15) : rateFreshness;
        }
    }

    /** @param interval how often the local service runs ingestion (INGESTION_INTERVAL, ISO-8601) */
    public record Ingestion(@DefaultValue("PT5M") Duration interval) {
        public Ingestion {
            interval = interval == null ? Duration.ofMinutes(5) : interval;
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("INGESTION_INTERVAL must be positive, got " + interval);
            }
        }
    }

    /** @param endpoint DYNAMODB_ENDPOINT, e.g. http://localhost:8000 for a local DynamoDB; empty for AWS */
    public record DynamoDb(@DefaultValue("") String endpoint,
                           @DefaultValue("us-east-1") String region,
                           @DefaultValue("fx-alert-users") String usersTable,
                           @DefaultValue("fx-alert-alerts") String alertsTable,
                           @DefaultValue("fx-alert-rate-history") String rateHistoryTable) {
        public DynamoDb {
            endpoint = endpoint == null ? "" : endpoint.strip();
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }
    }
}
