package dev.fxalert.bot.local;

import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.http.AdminHttpApi;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UserStore;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Wires the admin API into the local Spring app: the same {@link AdminServices} and the same router,
 * {@link AdminHttpApi}, as the webhook Lambda, mounted on {@code /admin/**} by {@link AdminHttpEndpoint}. Actuator probes,
 * Prometheus and Swagger UI (showing the hand-written {@code /admin-openapi.yaml}, which
 * {@code AdminOpenApiDocumentTest} holds to the router) are set in {@code application.properties}.
 * <p>
 * Optional collaborators the rest of the app may provide as beans: {@link IngestionTrigger}, {@link BroadcastSender},
 * {@link ScheduleManager} (else the local one; mark another one {@code @Primary} or set
 * {@code LOCAL_SCHEDULE_ENABLED=false}), {@link Clock} (else UTC), {@link Secrets} (else the environment).
 */
@Configuration(proxyBeanMethods = false)
public class AdminApiConfiguration {

    public static final String OPENAPI_DOCUMENT = "META-INF/resources/admin-openapi.yaml";
    private static final Logger log = LoggerFactory.getLogger(AdminApiConfiguration.class);

    @Bean
    AdminAuthenticator adminAuthenticator(ObjectProvider<Secrets> secrets) {
        AdminAuthenticator authenticator = AdminAuthenticator.from(secrets.getIfAvailable(Secrets::fromEnvironment));
        if (!authenticator.enabled()) {
            log.warn("{} is not set: the admin API is disabled and every /admin path answers 404.",
                    AdminAuthenticator.TOKEN_VARIABLE);
        } else {
            log.info("Admin API enabled under /admin ({} is set).", AdminAuthenticator.TOKEN_VARIABLE);
        }
        return authenticator;
    }

    @Bean
    OperationsJournal operationsJournal(ObjectProvider<Clock> clock) {
        return new OperationsJournal(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AdminServices adminServices(ObjectProvider<UserStore> userStore, ObjectProvider<OperatorAlerts> alertStore,
                                ObjectProvider<AuditLog> auditLog, ObjectProvider<Stores> stores, OperationsJournal journal,
                                ObjectProvider<ScheduleManager> schedules, ObjectProvider<IngestionTrigger> trigger,
                                ObjectProvider<BroadcastSender> broadcaster, ObjectProvider<RateSources> rateSources,
                                ObjectProvider<Clock> clock) {
        UserStore users = userStore.getIfAvailable(() -> requireStores(stores).users());
        OperatorAlerts alerts = alertStore.getIfAvailable(() -> requireStores(stores).alerts());
        AuditLog audit = auditLog.getIfAvailable(() -> requireStores(stores).audit());
        return AdminServices.wire(users, alerts, audit, journal, schedules.getIfAvailable(), trigger.getIfAvailable(),
                broadcaster.getIfAvailable(), rateSources.getIfAvailable(RateSources::none),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * The same router as the webhook Lambda's, with its own plain Jackson mapper (not Spring's), so both runtimes
     * write byte-for-byte the same JSON.
     */
    @Bean
    AdminHttpApi adminHttpApi(AdminAuthenticator authenticator, AdminServices services) {
        return new AdminHttpApi(authenticator, services);
    }

    /**
     * The hand-written document, so springdoc serves it at {@code /v3/api-docs} and Swagger UI shows it; springdoc
     * adds nothing of its own ({@code springdoc.paths-to-exclude=/admin/**}: the one endpoint is a catch-all).
     */
    @Bean
    OpenAPI adminOpenApi() throws IOException {
        try (InputStream in = AdminApiConfiguration.class.getClassLoader().getResourceAsStream(OPENAPI_DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_DOCUMENT + " is missing from the classpath");
            }
            return Yaml.mapper().readValue(in, OpenAPI.class);
        }
    }

    private static Stores requireStores(ObjectProvider<Stores> stores) {
        Stores available = stores.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("The admin API needs UserStore and AlertStore beans (or a Stores bean).");
        }
        return available;
    }
}
