package dev.fxalert.bot.webhook.admin;

import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.http.AdminHttpApi;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.schedule.eventbridge.EventBridgeScheduleConfig;
import dev.fxalert.admin.schedule.eventbridge.EventBridgeScheduleManager;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.time.Clock;
import java.util.Map;
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

    public AdminRoute wire(Map<String, String> env, Secrets secrets, Stores stores, Clock clock) {
        AdminAuthenticator authenticator = AdminAuthenticator.from(secrets);
        if (!authenticator.enabled()) {
            log.warn("{} is not set: the admin API is disabled and every /admin path answers 404",
                    AdminAuthenticator.TOKEN_VARIABLE);
        }
        // A disabled API never reaches its services: no AWS clients for it.
        ScheduleManager schedules = authenticator.enabled() ? schedules(env) : null;
        IngestionTrigger trigger = authenticator.enabled() ? trigger(env) : null;
        if (authenticator.enabled()) {
            log.info("Admin API enabled: schedule control {}, run ingestion now {}, broadcast not configured on Lambda",
                    schedules == null ? "not configured (set INGESTION_SCHEDULE_NAME)" : "through EventBridge Scheduler",
                    trigger == null ? "not configured (set " + IngestionInvokeConfig.FUNCTION_NAME_VARIABLE + ")"
                            : "by invoking the ingestion function");
        }
        AdminServices services = AdminServices.wire(stores.users(), stores.alerts(), stores.audit(), new OperationsJournal(clock),
                schedules, trigger, null, clock);
        return new AdminRoute(new AdminHttpApi(authenticator, services), authenticator);
    }

    private IngestionTrigger trigger(Map<String, String> env) {
        return IngestionInvokeConfig.fromEnvironment(env)
                .map(config -> (IngestionTrigger) LambdaIngestionTrigger.create(lambdaClients.get(), config))
                .orElse(null);
    }

    private ScheduleManager schedules(Map<String, String> env) {
        String name = env.get("INGESTION_SCHEDULE_NAME");
        if (name == null || name.isBlank()) {
            return null;
        }
        return new EventBridgeScheduleManager(schedulerClients.get(), EventBridgeScheduleConfig.fromEnvironment(env));
    }
}
