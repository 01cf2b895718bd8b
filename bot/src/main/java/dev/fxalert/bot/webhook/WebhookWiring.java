package dev.fxalert.bot.webhook;

import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.bot.telegram.TelegramApiUrl;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.bot.chart.JFreeChartRenderer;
import dev.fxalert.bot.command.Charts;
import dev.fxalert.bot.webhook.admin.AdminRoute;
import dev.fxalert.bot.webhook.admin.LambdaAdminWiring;
import dev.fxalert.schedule.eventbridge.EventBridgeScheduleConfig;
import dev.fxalert.schedule.eventbridge.EventBridgeScheduleManager;
import dev.fxalert.evaluation.lambda.LambdaDeliveryTrigger;
import software.amazon.awssdk.services.lambda.LambdaClient;
import dev.fxalert.core.config.SecretBound;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.metrics.EmbeddedMetrics;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.ProviderSources;
import dev.fxalert.ingestion.HistoryBackfill;
import dev.fxalert.ingestion.RateProviders;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The webhook Lambda's composition root, in the style every function shares ({@code IngestionWiring},
 * {@code EvaluationWiring}): {@link #config} reads every non-secret setting through the one {@link Settings} reader,
 * {@link #fromEnvironment} builds what the thin {@link WebhookHandler} routes to, once per container: the Telegram
 * webhook and the admin API's route ({@link LambdaAdminWiring}) over one set of DynamoDB stores and one
 * {@link Secrets} (so Secrets Manager is read once). The parts that hold a secret (the Telegram client, the webhook
 * secret, the admin token) are built on first use and again after a rotation ({@link SecretBound}): init reads no
 * secret, so a SnapStart snapshot holds none.
 *
 * @param admin  the {@code /admin/{proxy+}} route
 * @param warmUp the SnapStart warm-up of this request path ({@link WebhookPriming}): no secret, no store, no network
 */
public record WebhookWiring(Supplier<TelegramWebhook> webhook, Supplier<AdminRoute> admin, Runnable warmUp) {

    /** Everything the function is told by its environment, except secrets. */
    /**
     * @param ingestion the rate-source chain as this function sees it (its plain environment only): its names and
     *                  schedules say what /rate's numbers are and what /sources lists
     * @param digests     where /digest puts the users' schedules (issue 15): EventBridge Scheduler with the digest
     *                    target, its role and dead-letter queue (DIGEST_TARGET_ARN, DIGEST_ROLE_ARN,
     *                    DIGEST_DEAD_LETTER_ARN); empty when the target or role is unset (/digest then only stores)
     * @param digestGroup the schedule group of those schedules (DIGEST_SCHEDULE_GROUP)
     * @param deliveryFunction quiet hours released (issue 15): the Delivery function woken when /quiet off (or new
     *                         quiet hours or zone) makes held pushes due, as evaluation wakes it
     *                         (DELIVERY_FUNCTION_NAME); empty: they wait for the sweep
     */
    public record Config(DynamoDbStoreConfig stores, TelegramApiConfig telegramApi, BotSettings bot,
                         IngestionConfig ingestion, CurrencyCatalogue catalogue, LambdaAdminWiring.Config admin,
                         Optional<EventBridgeScheduleConfig> digests, String digestGroup,
                         Optional<String> deliveryFunction) {
    }

    public static Config config(Settings settings) {
        IngestionConfig ingestion = plainIngestionConfig(settings);
        EventBridgeScheduleConfig schedules = EventBridgeScheduleConfig.from(settings);
        return new Config(DynamoDbStoreConfig.from(settings), TelegramApiConfig.from(settings),
                BotSettings.from(settings), ingestion, RateProviders.shippedCatalogue(ingestion),
                LambdaAdminWiring.config(settings),
                schedules.userSchedulesConfigured() ? Optional.of(schedules) : Optional.empty(),
                settings.text("DIGEST_SCHEDULE_GROUP", DigestSchedules.GROUP), settings.optional("DELIVERY_FUNCTION_NAME"));
    }

    public static WebhookWiring fromEnvironment(Settings settings, Secrets secrets, Clock clock) {
        Config config = config(settings);
        Stores stores = DynamoDbStores.create(DynamoDbClient.create(), config.stores(), clock);
        ScheduleManager digests = config.digests().map(schedules -> (ScheduleManager) new EventBridgeScheduleManager(
                SchedulerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(), schedules))
                .orElse(null);
        return wire(config, secrets, stores, digests, clock);
    }

    /** The function's parts over the given stores (tests: fakes, and secrets that count their reads). */
    static WebhookWiring wire(Config config, Secrets secrets, Stores stores, Clock clock) {
        return wire(config, secrets, stores, null, clock);
    }

    /** @param digests where /digest puts the users' schedules; null: nowhere (only stored) */
    static WebhookWiring wire(Config config, Secrets secrets, Stores stores, ScheduleManager digests, Clock clock) {
        return new WebhookWiring(new SecretBound<>(secrets, current -> webhook(config, current, stores, digests, clock)),
                new SecretBound<>(secrets, current -> LambdaAdminWiring.aws().wire(config.admin(), current, stores,
                        rateSources(config, stores, clock), clock)),
                WebhookPriming.warmUp(config, stores, clock));
    }

    /** The webhook over the given stores, settings and secrets from one map (tests). */
    public static TelegramWebhook webhook(Map<String, String> environment, Stores stores) {
        return webhook(config(Settings.of(environment)), Secrets.of(environment), stores, Clock.systemUTC());
    }

    public static TelegramWebhook webhook(Config config, Secrets secrets, Stores stores, Clock clock) {
        return webhook(config, secrets, stores, null, clock);
    }

    /** @param digests where /digest puts the users' schedules (EventBridge Scheduler); null: nowhere (only stored) */
    static TelegramWebhook webhook(Config config, Secrets secrets, Stores stores, ScheduleManager digests, Clock clock) {
        String token = secrets.require("TELEGRAM_BOT_TOKEN");
        OkHttpTelegramClient client = new OkHttpTelegramClient(TelegramNotifier.httpClient(), token,
                TelegramApiUrl.parse(config.telegramApi().baseUrl().toString()));
        // A command that fails on our side apologizes and still answers 200 (Telegram would redeliver the update
        // forever); the metric is what reaches an alarm (WebhookFailuresAlarm).
        EmbeddedMetrics metrics = new EmbeddedMetrics("bot-webhook", System.out, clock);
        // No on-demand provider lookup in the Lambda: /rate answers from the history ingestion keeps filling.
        // Provider status is derived from the rate history (no memory needed between updates).
        RateSources sources = rateSources(config, stores, clock);
        ChatBot bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                config.catalogue(), sources, clock, config.bot(),
                (command, outcome) -> {
                    if (outcome == CommandObserver.Outcome.ERROR) {
                        metrics.emit(EmbeddedMetrics.Metric.count("WebhookFailures", 1));
                    }
                },
                // charts (issue 16): drawn here, sent with sendPhoto as a call (a webhook answer cannot carry a file);
                // a pair's first alert backfills its year on a background thread while the container runs (a
                // frozen container's call fails after the thaw and the first chart backfills, see docs/providers.md)
                new Charts(new JFreeChartRenderer(), RateProviders.historicalRates(config.ingestion(), clock),
                        HistoryBackfill.backgroundExecutor()),
                stores.drafts()); // guided creation's drafts live in the store: nothing survives between updates
        if (digests != null) {
            bot.scheduleDigestsWith(digests, config.digestGroup()); // daily digest (issue 15)
        }
        // Quiet hours released (issue 15): the same wake-up evaluation sends (an asynchronous Invoke).
        config.deliveryFunction().ifPresent(function ->
                bot.wakeDeliveryWith(new LambdaDeliveryTrigger(LambdaClient.create(), function)));
        // Telegram redelivers an update only after a non-2xx or a timeout; the journal keeps one that was already
        // handled and answered from being answered twice.
        return new TelegramWebhook(secrets.require("TELEGRAM_WEBHOOK_SECRET"), new TelegramUpdateHandler(bot, client,
                new TelegramNotifier(client), stores.updateJournal(), clock));
    }

    /** Provider status derived from the rate history (no memory needed between updates): /sources and /admin/sources. */
    static RateSources rateSources(Config config, Stores stores, Clock clock) {
        return ProviderSources.of(config.ingestion(), config.catalogue(), stores.alerts(), stores.rateHistory(), clock);
    }

    /**
     * The currencies of the configured provider chain from the lists shipped with the project: the webhook fetches
     * no rates, and must not call a provider per command. The function cannot read ingestion's secret, so the
     * Secrets Manager fallback is left out here: Korea Eximbank counts as configured only when its key is in the
     * plain environment (its currencies are all on open.er-api's list too, so the same pairs are accepted).
     */
    static CurrencyCatalogue shippedCatalogue(Settings settings) {
        return RateProviders.shippedCatalogue(plainIngestionConfig(settings));
    }

    /** The chain from the plain environment: this function cannot read ingestion's secret. */
    private static IngestionConfig plainIngestionConfig(Settings settings) {
        Secrets plainEnvironmentOnly = new Secrets(name -> settings.optional(name).orElse(null));
        return IngestionConfig.from(settings, plainEnvironmentOnly);
    }
}
