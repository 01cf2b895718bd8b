package dev.fxalert.bot.webhook.admin;

import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.http.AdminHttpApi;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.schedule.eventbridge.EventBridgeScheduleConfig;
import dev.fxalert.schedule.eventbridge.EventBridgeScheduleManager;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wires the admin API of the webhook Lambda from its environment, once per container (no Spring):
 * <ul>
 *   <li>{@code ADMIN_API_TOKEN} (from {@link Secrets}): without it every {@code /admin} path answers 404;</li>
 *   <li>{@code INGESTION_SCHEDULE_NAME} (and {@code INGESTION_SCHEDULE_GROUP}): pause, resume and reschedule through
 *       EventBridge Scheduler; without it those answer 503;</li>
 *   <li>{@code INGESTION_FUNCTION_NAME} (and {@code INGESTION_INVOKE_TIMEOUT_SECONDS}): run ingestion now by invoking
 *       that function; without it 503;</li>
 *   <li>no broadcast sender: a broadcast to many users outlasts API Gateway's 29 s limit, so it answers 503 here
 *       (broadcast from the local app instead).</li>
 * </ul>
 * AWS clients are created only for the pieces that are configured, with the clients' suppliers (tests point them at
 * MockWebServer).
 */
public final class LambdaAdminWiring {

    private static final Logger log = LoggerFactory.getLogger(LambdaAdminWiring.class);

    private final Supplier<SchedulerClient> schedulerClients;
    private final Supplier<LambdaClientBuilder> lambdaClients;

    public LambdaAdminWiring(Supplier<SchedulerClient> schedulerClients, Supplier<LambdaClientBuilder> lambdaClients) {
        this.schedulerClients = schedulerClients;
        this.lambdaClients = lambdaClients;
    }

    /** Region and credentials from the Lambda environment, the URL-connection HTTP client. */
    public static LambdaAdminWiring aws() {
        return new LambdaAdminWiring(
                () -> SchedulerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                LambdaClient::builder);
    }

    /**
     * The admin API's settings on Lambda.
     *
     * @param schedule  empty when INGESTION_SCHEDULE_NAME is unset (schedule control answers 503)
     * @param ingestion empty when INGESTION_FUNCTION_NAME is unset (running ingestion answers 503)
     * @param digests   empty when DIGEST_TARGET_ARN or DIGEST_ROLE_ARN is unset (putting the stored digest times'
     *                  schedules answers 503; issue 15)
     * @param digestGroup the users' digest schedules' group (DIGEST_SCHEDULE_GROUP)
     */
    public record Config(Optional<EventBridgeScheduleConfig> schedule, Optional<IngestionInvokeConfig> ingestion,
                         Optional<EventBridgeScheduleConfig> digests, String digestGroup) {
    }

    public static Config config(Settings settings) {
        EventBridgeScheduleConfig schedule = EventBridgeScheduleConfig.from(settings);
        boolean scheduleNamed = settings.optional("INGESTION_SCHEDULE_NAME").isPresent();
        return new Config(scheduleNamed ? Optional.of(schedule) : Optional.empty(), IngestionInvokeConfig.from(settings),
                schedule.userSchedulesConfigured() ? Optional.of(schedule) : Optional.empty(),
                settings.text("DIGEST_SCHEDULE_GROUP", DigestSchedules.GROUP));
    }

    public AdminRoute wire(Settings settings, Secrets secrets, Stores stores, RateSources sources, Clock clock) {
        return wire(config(settings), secrets, stores, sources, clock);
    }

    /** @param sources the providers' state for {@code /admin/sources}, the same the webhook's /sources reads */
    public AdminRoute wire(Config config, Secrets secrets, Stores stores, RateSources sources, Clock clock) {
        AdminAuthenticator authenticator = AdminAuthenticator.from(secrets);
        if (!authenticator.enabled()) {
            log.warn("{} is not set: the admin API is disabled and every /admin path answers 404",
                    AdminAuthenticator.TOKEN_VARIABLE);
        }
        // A disabled API never reaches its services: no AWS clients for it.
        ScheduleManager schedules = authenticator.enabled() ? schedules(config) : null;
        IngestionTrigger trigger = authenticator.enabled() ? trigger(config) : null;
        if (authenticator.enabled()) {
            log.info("Admin API enabled: schedule control {}, run ingestion now {}, broadcast not configured on Lambda",
                    schedules == null ? "not configured (set INGESTION_SCHEDULE_NAME)" : "through EventBridge Scheduler",
                    trigger == null ? "not configured (set " + IngestionInvokeConfig.FUNCTION_NAME_VARIABLE + ")"
                            : "by invoking the ingestion function");
        }
        // Daily digest (issue 15): the same Scheduler adapter puts the users' schedules (one client, one config).
        ScheduleManager digests = !authenticator.enabled() || config.digests().isEmpty() ? null
                : schedules != null ? schedules : new EventBridgeScheduleManager(schedulerClients.get(), config.digests().get());
        AdminServices services = AdminServices.wire(stores.users(), stores.alerts(), stores.audit(), new OperationsJournal(clock),
                schedules, trigger, null, sources, clock, digests, config.digestGroup());
        return new AdminRoute(new AdminHttpApi(authenticator, services), authenticator);
    }

    private IngestionTrigger trigger(Config config) {
        return config.ingestion()
                .map(invoke -> (IngestionTrigger) LambdaIngestionTrigger.create(lambdaClients.get(), invoke))
                .orElse(null);
    }

    private ScheduleManager schedules(Config config) {
        return config.schedule()
                .map(schedule -> (ScheduleManager) new EventBridgeScheduleManager(schedulerClients.get(), schedule))
                .orElse(null);
    }
}
