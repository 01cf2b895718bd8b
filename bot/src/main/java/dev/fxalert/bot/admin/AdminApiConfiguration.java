package dev.fxalert.bot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UserStore;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;

import java.time.Clock;

/**
 * Wires the admin API into the local Spring app: the same {@link AdminServices} the Lambda router uses, the token
 * filter, and the OpenAPI description. Defaults for actuator probes, Prometheus and springdoc come from
 * {@code admin-defaults.properties}; the app's own configuration overrides them.
 * <p>
 * Optional collaborators the rest of the app may provide as beans: {@link IngestionTrigger}, {@link BroadcastSender},
 * {@link ScheduleManager} (else the local one; mark another one {@code @Primary} or set
 * {@code fxalert.admin.local-schedule-enabled=false}), {@link Clock} (else UTC), {@link Secrets} (else the environment).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminApiProperties.class)
@PropertySource("classpath:dev/fxalert/bot/admin/admin-defaults.properties")
public class AdminApiConfiguration {

    public static final String BEARER_SCHEME = "bearer";
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
    AdminServices adminServices(ObjectProvider<UserStore> userStore, ObjectProvider<AlertStore> alertStore,
                                ObjectProvider<Stores> stores, OperationsJournal journal,
                                ObjectProvider<ScheduleManager> schedules, ObjectProvider<IngestionTrigger> trigger,
                                ObjectProvider<BroadcastSender> broadcaster, ObjectProvider<Clock> clock) {
        UserStore users = userStore.getIfAvailable(() -> requireStores(stores).users());
        AlertStore alerts = alertStore.getIfAvailable(() -> requireStores(stores).alerts());
        return AdminServices.wire(users, alerts, journal, schedules.getIfAvailable(), trigger.getIfAvailable(),
                broadcaster.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminAuthenticator authenticator, ObjectMapper json) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(new AdminTokenFilter(authenticator, json));
        registration.addUrlPatterns("/admin", "/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    OpenAPI adminOpenApi() {
        return new OpenAPI()
                .info(new Info().title("FX Alert admin API").version("1")
                        .description("Operator endpoints under /admin. Send 'Authorization: Bearer <ADMIN_API_TOKEN>'."))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }

    private static Stores requireStores(ObjectProvider<Stores> stores) {
        Stores available = stores.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("The admin API needs UserStore and AlertStore beans (or a Stores bean).");
        }
        return available;
    }
}
