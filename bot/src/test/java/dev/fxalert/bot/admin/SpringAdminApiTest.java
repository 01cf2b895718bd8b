package dev.fxalert.bot.admin;

import dev.fxalert.bot.local.FxAlertDefaults;
import dev.fxalert.bot.local.AdminApiConfiguration;

import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.http.AdminApiContract;
import dev.fxalert.admin.http.AdminHttpRequest;
import dev.fxalert.admin.http.AdminHttpResponse;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin specification against the local Spring app over real HTTP on loopback: {@link AdminApiConfiguration} and
 * {@link AdminHttpEndpoint} in a web server of their own, one per wiring, over the specification's fakes.
 */
class SpringAdminApiTest extends AdminApiContract {

    private static final Map<Wiring, ConfigurableApplicationContext> apps = new EnumMap<>(Wiring.class);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Auto-configuration (web server, Jackson, actuator) and the admin mount; none of the bot's own wiring. */
    @EnableAutoConfiguration(exclude = FxAlertDefaults.class)
    @Import({AdminApiConfiguration.class, AdminHttpEndpoint.class})
    static class AdminOnlyApp {
    }

    @Override
    protected AdminHttpResponse send(Wiring wiring, AdminHttpRequest request) {
        int port = ((ServletWebServerApplicationContext) apps.computeIfAbsent(wiring, SpringAdminApiTest::start))
                .getWebServer().getPort();
        String query = request.query().entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()
                        + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(10))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new AdminHttpResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext start(Wiring wiring) {
        return new SpringApplicationBuilder(AdminOnlyApp.class)
                .properties("spring.main.banner-mode=off")
                .initializers(context -> {
                    var beans = context.getBeanFactory();
                    beans.registerSingleton("secrets", Secrets.of(wiring == Wiring.DISABLED
                            ? Map.of() : Map.of("ADMIN_API_TOKEN", TOKEN)));
                    beans.registerSingleton("clock", CLOCK);
                    beans.registerSingleton("userStore", (UserStore) USERS);
                    beans.registerSingleton("alertStore", (OperatorAlerts) ALERTS);
                    beans.registerSingleton("auditLog", (AuditLog) AUDIT);
                    beans.registerSingleton("rateSources", (RateSources) SOURCES);
                    if (wiring != Wiring.BARE) {
                        beans.registerSingleton("scheduleManager", (ScheduleManager) SCHEDULES);
                        beans.registerSingleton("ingestionTrigger", TRIGGER);
                        beans.registerSingleton("broadcastSender", BROADCASTER);
                    }
                })
                // As arguments, so they win over application.properties (server.port=${SERVER_PORT:8080}).
                .run("--server.port=0", "--server.address=127.0.0.1", "--LOCAL_SCHEDULE_ENABLED=false");
    }

    @AfterAll
    static void stopServers() {
        apps.values().forEach(ConfigurableApplicationContext::close);
        apps.clear();
    }

    @Test
    void healthStaysUpAndPublicWithoutTheAdminApi() throws Exception {
        send(Wiring.DISABLED, request("GET", "/admin/stats", null, null));
        int port = ((ServletWebServerApplicationContext) apps.get(Wiring.DISABLED)).getWebServer().getPort();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }
}
