package dev.fxalert.bot.webhook.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.webhook.ApiGatewayEvents;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API as the webhook Lambda wires it from its environment, with the real AWS SDK clients pointed at
 * MockWebServer standing in for Lambda and EventBridge Scheduler.
 */
class LambdaAdminWiringTest {

    private static final String TOKEN = "admin-token-for-the-wiring-tests-0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String SCHEDULE = """
            {"ActionAfterCompletion":"NONE",
             "Arn":"arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert/fx-alert-ingestion",
             "FlexibleTimeWindow":{"Mode":"OFF"},"GroupName":"fx-alert","Name":"fx-alert-ingestion",
             "ScheduleExpression":"rate(5 minutes)","ScheduleExpressionTimezone":"UTC","State":"ENABLED",
             "Target":{"Arn":"arn:aws:lambda:us-east-1:123456789012:function:fx-alert-ingestion:live",
                       "Input":"{\\"action\\":\\"ingest\\"}",
                       "RoleArn":"arn:aws:iam::123456789012:role/fx-alert-IngestionSchedulerRole"}}
            """;

    @TempDir
    Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger clientsCreated = new AtomicInteger();
    private MockWebServer aws;
    private EmbeddedStores stores;
    private LambdaAdminWiring wiring;

    @BeforeEach
    void start() throws IOException {
        aws = new MockWebServer();
        aws.start();
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), CLOCK);
        wiring = new LambdaAdminWiring(
                () -> {
                    clientsCreated.incrementAndGet();
                    return SchedulerClient.builder()
                            .endpointOverride(URI.create(aws.url("/").toString()))
                            .region(Region.US_EAST_1)
                            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                            .httpClient(UrlConnectionHttpClient.create())
                            .build();
                },
                () -> {
                    clientsCreated.incrementAndGet();
                    return LambdaIngestionTriggerTest.clientFor(aws);
                });
    }

    @AfterEach
    void stop() throws IOException {
        stores.close();
        aws.shutdown();
    }

    private static Map<String, String> fullEnvironment() {
        return Map.of(
                "INGESTION_FUNCTION_NAME", LambdaIngestionTriggerTest.FUNCTION,
                "INGESTION_SCHEDULE_NAME", "fx-alert-ingestion",
                "INGESTION_SCHEDULE_GROUP", "fx-alert");
    }

    private AdminRoute wire(Map<String, String> env, Map<String, String> secrets) {
        return wiring.wire(Settings.of(env), Secrets.of(secrets), stores, RateSources.none(), CLOCK);
    }

    private static APIGatewayV2HTTPEvent call(String method, String path) {
        return call(method, path, null);
    }

    private static APIGatewayV2HTTPEvent call(String method, String path, String body) {
        return ApiGatewayEvents.request(method, path, Map.of("authorization", "Bearer " + TOKEN), body);
    }

    @Test
    void runNowInvokesTheIngestionFunctionAndTheStatsRememberTheRun() throws Exception {
        AdminRoute admin = wire(fullEnvironment(), Map.of("ADMIN_API_TOKEN", TOKEN));
        aws.enqueue(LambdaIngestionTriggerTest.invokeAnswer(LambdaIngestionTriggerTest.SUMMARY));

        APIGatewayV2HTTPResponse run = admin.handle(call("POST", "/admin/ingestion/run"));
        APIGatewayV2HTTPResponse stats = admin.handle(call("GET", "/admin/stats"));

        assertThat(run.getStatusCode()).isEqualTo(200);
        JsonNode report = json.readTree(run.getBody());
        assertThat(report.path("eventsPublished").asInt()).isEqualTo(11);
        assertThat(report.path("durationMillis").asLong()).isEqualTo(2130);
        assertThat(report.path("providers").get(1).path("error").asText()).isEqualTo("HTTP 503");
        assertThat(aws.takeRequest(1, TimeUnit.SECONDS).getHeader("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
        assertThat(json.readTree(stats.getBody()).path("ingestion").path("providers")).hasSize(3);
    }

    @Test
    void pauseGoesToTheConfiguredEventBridgeSchedule() throws Exception {
        AdminRoute admin = wire(fullEnvironment(), Map.of("ADMIN_API_TOKEN", TOKEN));
        aws.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(SCHEDULE));
        aws.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"ScheduleArn\":\"arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert/fx-alert-ingestion\"}"));

        APIGatewayV2HTTPResponse pause = admin.handle(call("POST", "/admin/ingestion/pause"));

        assertThat(pause.getStatusCode()).isEqualTo(200);
        assertThat(json.readTree(pause.getBody()).path("state").asText()).isEqualTo("DISABLED");
        RecordedRequest get = aws.takeRequest(1, TimeUnit.SECONDS);
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getPath()).startsWith("/schedules/fx-alert-ingestion").contains("groupName=fx-alert");
        RecordedRequest update = aws.takeRequest(1, TimeUnit.SECONDS);
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(json.readTree(update.getBody().readUtf8()).path("State").asText()).isEqualTo("DISABLED");
    }

    @Test
    void withoutFunctionOrScheduleNamesThosePiecesAnswer503AndNoClientIsBuilt() throws Exception {
        AdminRoute admin = wire(Map.of(), Map.of("ADMIN_API_TOKEN", TOKEN));

        APIGatewayV2HTTPResponse run = admin.handle(call("POST", "/admin/ingestion/run"));
        APIGatewayV2HTTPResponse pause = admin.handle(call("POST", "/admin/ingestion/pause"));
        APIGatewayV2HTTPResponse broadcast = admin.handle(call("POST", "/admin/broadcast", "{\"text\":\"Maintenance tonight\"}"));

        assertThat(run.getStatusCode()).isEqualTo(503);
        assertThat(json.readTree(run.getBody()).path("message").asText()).contains("Running ingestion on demand");
        assertThat(pause.getStatusCode()).isEqualTo(503);
        assertThat(broadcast.getStatusCode()).isEqualTo(503);
        assertThat(clientsCreated).hasValue(0);
        assertThat(aws.getRequestCount()).isZero();
    }

    @Test
    void withoutATokenEveryAdminPathIs404AndNoClientIsBuilt() {
        AdminRoute admin = wire(fullEnvironment(), Map.of());

        assertThat(admin.handle(call("POST", "/admin/ingestion/run")).getStatusCode()).isEqualTo(404);
        assertThat(clientsCreated).hasValue(0);
    }
}
