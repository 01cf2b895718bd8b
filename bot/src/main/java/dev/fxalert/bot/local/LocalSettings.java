package dev.fxalert.bot.local;

import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The local app's own settings (what the Lambdas do not read), each under its environment name with its default
 * written here once; read by the one {@link Settings} reader over Spring's environment. The settings the app shares
 * with the Lambdas are read by their modules' records ({@code IngestionConfig}, {@code PacingConfig},
 * {@code EvaluationConfig}, {@link DynamoDbStoreConfig}, {@link BotSettings}) under the same names. Every setting
 * is listed in docs/settings.md; secrets are read through {@code Secrets}, not here.
 *
 * @param ingestionSchedule      INGESTION_SCHEDULE, the local ingestion schedule at start in Scheduler syntax; empty
 *                               means every INGESTION_INTERVAL
 * @param localScheduleEnabled   LOCAL_SCHEDULE_ENABLED, false when another ScheduleManager bean drives ingestion
 */
public record LocalSettings(StoreKind store, EmbeddedStoreConfig embedded, DynamoDbStoreConfig dynamoDb,
                            String dynamoDbEndpoint, String awsRegion, TelegramApiConfig telegramApi,
                            int telegramWorkers, Duration telegramShutdownGrace, BotSettings bot,
                            Duration ingestionInterval, boolean ingestionAtStart, Duration pendingPushSweepInterval,
                            Optional<String> ingestionSchedule, boolean scheduleEnabled, ZoneId scheduleZone,
                            boolean localScheduleEnabled) {

    public enum StoreKind { EMBEDDED, DYNAMODB }

    public static LocalSettings from(Settings settings) {
        return new LocalSettings(
                settings.choice("FX_ALERT_STORE", StoreKind.class, StoreKind.EMBEDDED),
                EmbeddedStoreConfig.from(settings),
                DynamoDbStoreConfig.from(settings),
                settings.text("DYNAMODB_ENDPOINT", ""),
                settings.text("AWS_REGION", "us-east-1"),
                TelegramApiConfig.from(settings),
                settings.integer("TELEGRAM_WORKERS", 4, 1),
                settings.duration("TELEGRAM_SHUTDOWN_GRACE", Duration.ofSeconds(10)),
                BotSettings.from(settings),
                settings.duration("INGESTION_INTERVAL", Duration.ofMinutes(5)),
                settings.bool("INGESTION_RUN_AT_START", true),
                settings.duration("PENDING_PUSH_SWEEP_INTERVAL", Duration.ofMinutes(1)),
                settings.optional("INGESTION_SCHEDULE"),
                settings.bool("INGESTION_SCHEDULE_ENABLED", true),
                settings.zone("SCHEDULE_ZONE", "UTC"),
                settings.bool("LOCAL_SCHEDULE_ENABLED", true));
    }
}
