package dev.fxalert.bot.webhook.admin;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real AWS SDK Lambda client against MockWebServer answering as Lambda's Invoke API does. */
class LambdaIngestionTriggerTest {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:fx-alert-ingestion:live";

    /** What the ingestion Lambda returns (dev.fxalert.ingestion.lambda.SummaryJson), one provider not called. */
    static final String SUMMARY = """
            {"message":"ingestion finished","correlationId":"9f1c2e7a-0b1d-4c55-9a1e-3f0e2d4c5b6a",
             "startedAt":"2026-11-25T12:00:00.125Z","durationMs":2130,"pairsRequested":14,"pairsFetched":12,
             "published":11,"unchanged":1,"unpublished":1,"rejected":{"STALE":2},"providerErrors":1,
             "providers":[
               {"provider":"frankfurter","lastCalledAt":"2026-11-25T12:00:01.500Z","elapsedMs":310,"calls":2,
                "pairs":12,"rejectedQuotes":2,"error":null},
               {"provider":"koreaexim","lastCalledAt":"2026-11-25T12:00:02Z","elapsedMs":900,"calls":1,
                "pairs":0,"rejectedQuotes":0,"error":"HTTP 503"},
               {"provider":"open-er-api","lastCalledAt":null,"elapsedMs":0,"calls":0,
                "pairs":0,"rejectedQuotes":0,"error":null}]}
            """;

    private MockWebServer lambda;
    private LambdaIngestionTrigger trigger;

    @BeforeEach
    void start() throws IOException {
        lambda = new MockWebServer();
        lambda.start();
        trigger = LambdaIngestionTrigger.create(clientFor(lambda), new IngestionInvokeConfig(FUNCTION, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws IOException {
        lambda.shutdown();
    }

    static LambdaClientBuilder clientFor(MockWebServer server) {
        return LambdaClient.builder()
                .endpointOverride(URI.create(server.url("/").toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
    }

    static MockResponse invokeAnswer(String payload) {
        return new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-amzn-RequestId", "7d2c4a9e-5b1f-4e3a-8c6d-0f9e8d7c6b5a")
                .setHeader("X-Amz-Executed-Version", "12")
                .setBody(payload);
    }

    @Test
    void invokesTheIngestionFunctionSynchronouslyAndWaitsForItsSummary() throws Exception {
        lambda.enqueue(invokeAnswer(SUMMARY));

        trigger.runNow();

        RecordedRequest invoke = lambda.takeRequest(1, TimeUnit.SECONDS);
        assertThat(invoke.getMethod()).isEqualTo("POST");
        assertThat(URLDecoder.decode(invoke.getPath(), StandardCharsets.UTF_8))
                .isEqualTo("/2015-03-31/functions/" + FUNCTION + "/invocations");
        assertThat(invoke.getHeader("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
        assertThat(invoke.getBody().readUtf8()).isEqualTo("{\"action\":\"ingest\"}");
        assertThat(invoke.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/");
    }

    @Test
    void mapsTheSummaryOntoTheAdminReport() {
        lambda.enqueue(invokeAnswer(SUMMARY));

        IngestionReport report = trigger.runNow();

        Instant started = Instant.parse("2026-11-25T12:00:00.125Z");
        assertThat(report.startedAt()).isEqualTo(started);
        assertThat(report.finishedAt()).isEqualTo(started.plusMillis(2130));
        assertThat(report.eventsPublished()).isEqualTo(11);
        assertThat(report.eventsUnpublished()).isEqualTo(1);
        ProviderRun notNeeded = new ProviderRun("open-er-api", null, 0, 0, 0, 0, null);
        assertThat(report.providers()).containsExactly(
                new ProviderRun("frankfurter", Instant.parse("2026-11-25T12:00:01.500Z"), 310, 2, 12, 2, null),
                new ProviderRun("koreaexim", Instant.parse("2026-11-25T12:00:02Z"), 900, 1, 0, 0, "HTTP 503"),
                notNeeded);
        assertThat(report.ranAt(notNeeded)).isEqualTo(started);
    }

    @Test
    void aFunctionErrorIsAClearErrorNamingLambdasErrorTypeAndTheRequestIdButNotTheMessage() {
        lambda.enqueue(invokeAnswer("""
                {"errorMessage":"Could not reach DynamoDB table fx-alert-alerts","errorType":"java.lang.IllegalStateException",
                 "stackTrace":["dev.fxalert.ingestion.IngestionService.runOnce(IngestionService.java:88)"]}
                """).setHeader("X-Amz-Function-Error", "Unhandled"));

        assertThatThrownBy(trigger::runNow)
                .isInstanceOfSatisfying(AdminProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(502);
                    assertThat(problem.code()).isEqualTo("ingestion_failed");
                    assertThat(problem.getMessage())
                            .contains(FUNCTION, "java.lang.IllegalStateException", "7d2c4a9e-5b1f-4e3a-8c6d-0f9e8d7c6b5a")
                            .doesNotContain("DynamoDB", "stackTrace");
                });
    }

    @Test
    void aTimedOutFunctionIsReportedAsFailedWithLambdasTimeoutType() {
        lambda.enqueue(invokeAnswer("""
                {"errorMessage":"2026-11-25T12:01:00.000Z 7d2c4a9e Task timed out after 60.00 seconds","errorType":"Sandbox.Timedout"}
                """).setHeader("X-Amz-Function-Error", "Unhandled"));

        assertThatThrownBy(trigger::runNow).isInstanceOfSatisfying(AdminProblem.class, problem ->
                assertThat(problem.getMessage()).contains("Sandbox.Timedout"));
    }

    @Test
    void anAnswerThatIsNotASummaryIsAClearErrorSayingWhatIsWrong() {
        lambda.enqueue(invokeAnswer("{\"startedAt\":\"2026-11-25T12:00:00Z\",\"durationMs\":10,\"published\":1}"));

        assertThatThrownBy(trigger::runNow).isInstanceOfSatisfying(AdminProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(502);
            assertThat(problem.code()).isEqualTo("ingestion_failed");
            assertThat(problem.getMessage()).contains("not a run summary", "'pairsRequested' is missing");
        });
    }

    @Test
    void lambdaRefusingTheInvokeIsReportedWithItsErrorCodeAndNotRetried() {
        lambda.enqueue(new MockResponse().setResponseCode(404)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .setBody("{\"Type\":\"User\",\"message\":\"Function not found: " + FUNCTION + "\"}"));

        assertThatThrownBy(trigger::runNow).isInstanceOfSatisfying(AdminProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(502);
            assertThat(problem.code()).isEqualTo("ingestion_unavailable");
            assertThat(problem.getMessage()).contains("ResourceNotFoundException", "HTTP 404");
        });
        assertThat(lambda.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsNotRetriedBecauseARetryWouldRunIngestionTwice() {
        lambda.enqueue(new MockResponse().setResponseCode(500)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-amzn-ErrorType", "ServiceException")
                .setBody("{\"Type\":\"Service\",\"message\":\"internal error\"}"));
        lambda.enqueue(invokeAnswer(SUMMARY));

        assertThatThrownBy(trigger::runNow).isInstanceOfSatisfying(AdminProblem.class, problem ->
                assertThat(problem.getMessage()).contains("ServiceException", "HTTP 500"));
        assertThat(lambda.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noAnswerWithinTheTimeoutIsA504ThatSaysTheRunGoesOn() throws IOException {
        LambdaIngestionTrigger impatient = LambdaIngestionTrigger.create(clientFor(lambda),
                new IngestionInvokeConfig(FUNCTION, Duration.ofMillis(200)));
        lambda.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        assertThatThrownBy(impatient::runNow).isInstanceOfSatisfying(AdminProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(504);
            assertThat(problem.code()).isEqualTo("ingestion_timeout");
            assertThat(problem.getMessage()).contains("the run goes on");
        });
    }
}
