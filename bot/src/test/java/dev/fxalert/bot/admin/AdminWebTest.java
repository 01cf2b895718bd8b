package dev.fxalert.bot.admin;

import dev.fxalert.bot.local.FxAlertDefaults;
import dev.fxalert.bot.local.AdminApiConfiguration;
import dev.fxalert.bot.local.LocalScheduleConfiguration;
import dev.fxalert.bot.local.OperatorEndpointsConfiguration;
import org.springframework.context.annotation.Import;

import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import dev.fxalert.admin.testing.InMemoryAlertStore;
import dev.fxalert.admin.testing.InMemoryAuditLog;
import dev.fxalert.admin.testing.InMemoryUserStore;
import dev.fxalert.admin.testing.RecordingScheduleManager;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.ScheduleManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The admin package in a Spring context of their own, for what it brings beside the admin API (probes, metrics, the
 * OpenAPI document and Swagger UI, the local schedule): auto-configuration and fakes in place of the stores, the
 * ingestion trigger and the paced sender; not the bot's application class. The admin API itself is specified once,
 * in {@code AdminApiContract}, and run against this app over HTTP by {@link SpringAdminApiTest}.
 */
@ExtendWith(SpringExtension.class)
@SpringBootTest(classes = AdminWebTest.AdminTestApp.class)
@AutoConfigureMockMvc
@AutoConfigureObservability
abstract class AdminWebTest {

    static final String TOKEN = "local-admin-token-for-tests";
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryUserStore users;
    @Autowired
    InMemoryAlertStore alerts;
    @Autowired
    RecordingScheduleManager schedules;
    @Autowired
    List<OutgoingMessage> broadcasts;

    @BeforeEach
    void startEmpty() {
        users.clear();
        alerts.clear();
        schedules.reset();
        broadcasts.clear();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FxAlertDefaults.class) // the admin slice brings its own fakes
    @Import({AdminApiConfiguration.class, LocalScheduleConfiguration.class, OperatorEndpointsConfiguration.class})
    @ComponentScan(basePackageClasses = AdminHttpEndpoint.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class AdminTestApp {

        /** The token comes from the environment in the app; here from a test property, blank to disable the API. */
        @Bean
        Secrets secrets(Environment environment) {
            return Secrets.of(Map.of("ADMIN_API_TOKEN", environment.getProperty("test.admin-token", TOKEN),
                    "METRICS_TOKEN", environment.getProperty("test.metrics-token", "")));
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        /** The one settings reader, as FxAlertDefaults builds it (excluded here). */
        @Bean
        Settings settings(Environment environment) {
            return Settings.of(environment::getProperty);
        }

        @Bean
        InMemoryUserStore userStore() {
            return new InMemoryUserStore();
        }

        @Bean
        InMemoryAlertStore alertStore() {
            return new InMemoryAlertStore();
        }

        @Bean
        InMemoryAuditLog auditLog() {
            return new InMemoryAuditLog();
        }

        /** Stands in for the local schedule so tests see exactly what was asked of the port. */
        @Bean
        @Primary
        RecordingScheduleManager recordingScheduleManager() {
            return new RecordingScheduleManager();
        }

        @Bean
        IngestionTrigger ingestionTrigger() {
            return () -> new IngestionReport(NOW.minusSeconds(2), NOW,
                    List.of(new ProviderRun("frankfurter", NOW, 0, 1, 3, 0, null)), 3, 0);
        }

        @Bean
        List<OutgoingMessage> broadcasts() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        BroadcastSender broadcastSender(List<OutgoingMessage> broadcasts) {
            return message -> {
                broadcasts.add(message);
                return DeliveryResult.delivered();
            };
        }
    }
}
