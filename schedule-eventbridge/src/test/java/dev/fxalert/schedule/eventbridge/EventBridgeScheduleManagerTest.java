package dev.fxalert.schedule.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.port.ScheduleExpression;
import dev.fxalert.core.port.ScheduleNotFoundException;
import dev.fxalert.core.port.ScheduleStatus;
import dev.fxalert.core.port.ScheduleUnavailableException;
import dev.fxalert.core.port.UserSchedule;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real AWS SDK against MockWebServer answering in EventBridge Scheduler's JSON. */
class EventBridgeScheduleManagerTest {

    /** GetSchedule's answer for a schedule as the SAM template creates it: every optional field set. */
    private static final String INGESTION_SCHEDULE = """
            {
              "ActionAfterCompletion": "NONE",
              "Arn": "arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert/fx-alert-ingestion",
              "CreationDate": 1764000000.0,
              "Description": "Fetches exchange rates",
              "EndDate": 1893456000.0,
              "FlexibleTimeWindow": { "MaximumWindowInMinutes": 2, "Mode": "FLEXIBLE" },
              "GroupName": "fx-alert",
              "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
              "LastModificationDate": 1764001000.0,
              "Name": "fx-alert-ingestion",
              "ScheduleExpression": "rate(5 minutes)",
              "ScheduleExpressionTimezone": "Asia/Seoul",
              "StartDate": 1764000000.0,
              "State": "%s",
              "Target": {
                "Arn": "arn:aws:lambda:us-east-1:123456789012:function:fx-alert-ingestion",
                "DeadLetterConfig": { "Arn": "arn:aws:sqs:us-east-1:123456789012:fx-alert-ingestion-dlq" },
                "Input": "{\\"source\\":\\"schedule\\"}",
                "RetryPolicy": { "MaximumEventAgeInSeconds": 300, "MaximumRetryAttempts": 2 },
                "RoleArn": "arn:aws:iam::123456789012:role/fx-alert-scheduler"
              }
            }
            """;
    private static final String UPDATED = "{\"ScheduleArn\":\"arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert/fx-alert-ingestion\"}";

    private final ObjectMapper json = new ObjectMapper();
    private MockWebServer server;
    private SchedulerClient client;
    private EventBridgeScheduleManager manager;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        client = SchedulerClient.builder()
                .endpointOverride(URI.create(server.url("/").toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
        manager = new EventBridgeScheduleManager(client, new EventBridgeScheduleConfig("fx-alert-ingestion", "fx-alert",
                "arn:aws:lambda:us-east-1:123456789012:function:fx-alert-digest", "arn:aws:iam::123456789012:role/fx-alert-scheduler",
                DIGEST_DLQ));
    }

    private static final String DIGEST_DLQ = "arn:aws:sqs:us-east-1:123456789012:fx-alert-digest-dlq";

    @AfterEach
    void stopServer() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void describesTheIngestionScheduleFromGetSchedule() throws Exception {
        server.enqueue(jsonResponse(INGESTION_SCHEDULE.formatted("ENABLED")));

        ScheduleStatus status = manager.describe();

        assertThat(status).isEqualTo(new ScheduleStatus("fx-alert-ingestion", "fx-alert", true, "rate(5 minutes)", "Asia/Seoul"));
        RecordedRequest get = take();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getPath()).isEqualTo("/schedules/fx-alert-ingestion?groupName=fx-alert");
    }

    @Test
    void pausingSendsBackEveryFieldItReadAndOnlyTheStateChanged() throws Exception {
        server.enqueue(jsonResponse(INGESTION_SCHEDULE.formatted("ENABLED")));
        server.enqueue(jsonResponse(UPDATED));

        ScheduleStatus status = manager.pause();

        assertThat(status.enabled()).isFalse();
        take();
        RecordedRequest update = take();
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(update.getPath()).isEqualTo("/schedules/fx-alert-ingestion");
        JsonNode body = json.readTree(update.getBody().readUtf8());
        assertThat(body.path("State").asText()).isEqualTo("DISABLED");
        assertKeptEverythingElse(body, "rate(5 minutes)");
    }

    @Test
    void resumingAPausedScheduleEnablesIt() throws Exception {
        server.enqueue(jsonResponse(INGESTION_SCHEDULE.formatted("DISABLED")));
        server.enqueue(jsonResponse(UPDATED));

        assertThat(manager.resume().enabled()).isTrue();

        take();
        JsonNode body = json.readTree(take().getBody().readUtf8());
        assertThat(body.path("State").asText()).isEqualTo("ENABLED");
        assertKeptEverythingElse(body, "rate(5 minutes)");
    }

    @Test
    void changingTheExpressionKeepsThePausedState() throws Exception {
        server.enqueue(jsonResponse(INGESTION_SCHEDULE.formatted("DISABLED")));
        server.enqueue(jsonResponse(UPDATED));

        ScheduleStatus status = manager.changeExpression(ScheduleExpression.parse("cron(0/10 * * * ? *)"));

        assertThat(status.expression()).isEqualTo("cron(0/10 * * * ? *)");
        assertThat(status.enabled()).isFalse();
        take();
        JsonNode body = json.readTree(take().getBody().readUtf8());
        assertThat(body.path("State").asText()).isEqualTo("DISABLED");
        assertKeptEverythingElse(body, "cron(0/10 * * * ? *)");
    }

    @Test
    void pausingAPausedScheduleWritesNothing() throws Exception {
        server.enqueue(jsonResponse(INGESTION_SCHEDULE.formatted("DISABLED")));

        assertThat(manager.pause().enabled()).isFalse();

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMissingScheduleIsReportedAsNotFound() {
        server.enqueue(awsError(404, "ResourceNotFoundException", "Schedule fx-alert-ingestion does not exist."));

        assertThatThrownBy(manager::pause).isInstanceOf(ScheduleNotFoundException.class)
                .hasMessageContaining("fx-alert/fx-alert-ingestion");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedUpdateIsReportedAsUnavailableWithSchedulersReason() {
        server.enqueue(jsonResponse(INGESTION_SCHEDULE.formatted("ENABLED")));
        server.enqueue(awsError(400, "ValidationException", "Invalid Schedule Expression rate(5 minutes)."));

        assertThatThrownBy(() -> manager.changeExpression(ScheduleExpression.parse("rate(10 minutes)")))
                .isInstanceOf(ScheduleUnavailableException.class).hasMessageContaining("Invalid Schedule Expression");
    }

    @Test
    void aServerErrorIsReportedAsUnavailable() {
        server.enqueue(awsError(500, "InternalServerException", "Internal failure"));

        assertThatThrownBy(manager::describe).isInstanceOf(ScheduleUnavailableException.class)
                .hasMessageContaining("could not read schedule fx-alert/fx-alert-ingestion");
    }

    @Test
    void createsAUserScheduleInItsGroupWithTheDigestTarget() throws Exception {
        server.enqueue(jsonResponse("{\"ScheduleArn\":\"arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert-digests/digest-u1\"}"));

        manager.putUserSchedule(new UserSchedule("fx-alert-digests", "digest-u1", ScheduleExpression.parse("cron(0 8 * * ? *)"),
                "Asia/Seoul", "{\"userId\":\"u1\"}"));

        RecordedRequest create = take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getPath()).isEqualTo("/schedules/digest-u1");
        JsonNode body = json.readTree(create.getBody().readUtf8());
        assertThat(body.path("GroupName").asText()).isEqualTo("fx-alert-digests");
        assertThat(body.path("ScheduleExpression").asText()).isEqualTo("cron(0 8 * * ? *)");
        assertThat(body.path("ScheduleExpressionTimezone").asText()).isEqualTo("Asia/Seoul");
        assertThat(body.path("State").asText()).isEqualTo("ENABLED");
        assertThat(body.path("ActionAfterCompletion").asText()).isEqualTo("NONE");
        assertThat(body.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        assertThat(body.path("Target").path("Arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fx-alert-digest");
        assertThat(body.path("Target").path("RoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/fx-alert-scheduler");
        assertThat(body.path("Target").path("Input").asText()).isEqualTo("{\"userId\":\"u1\"}");
        assertUserTargetFailureHandling(body.path("Target"));
    }

    /** Issue 15: a digest Scheduler could not hand over is retried for an hour, then kept in the DLQ. */
    private static void assertUserTargetFailureHandling(JsonNode target) {
        assertThat(target.path("DeadLetterConfig").path("Arn").asText()).isEqualTo(DIGEST_DLQ);
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isEqualTo(3);
        assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isEqualTo(3600);
    }

    @Test
    void aDigestScheduleIsPutInTheUsersZoneAndReplacedWholeWhenItExists() throws Exception {
        // What /digest 08:30 puts for a user in New York, then again after they moved to Seoul (same name: replaced).
        server.enqueue(jsonResponse("{\"ScheduleArn\":\"arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert-digests/digest-u7\"}"));
        server.enqueue(awsError(409, "ConflictException", "Schedule digest-u7 already exists."));
        server.enqueue(jsonResponse("{\"ScheduleArn\":\"arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert-digests/digest-u7\"}"));
        UserSchedule newYork = new UserSchedule("fx-alert-digests", "digest-u7", ScheduleExpression.parse("cron(30 8 * * ? *)"),
                "America/New_York", "{\"action\":\"send-digest\",\"userId\":\"u7\"}");

        manager.putUserSchedule(newYork);
        manager.putUserSchedule(new UserSchedule(newYork.group(), newYork.name(), newYork.expression(), "Asia/Seoul",
                newYork.payload()));

        JsonNode created = json.readTree(take().getBody().readUtf8());
        assertThat(created.path("ScheduleExpressionTimezone").asText()).isEqualTo("America/New_York");
        assertThat(created.path("ScheduleExpression").asText()).isEqualTo("cron(30 8 * * ? *)");
        take(); // the second create, refused: it exists
        RecordedRequest update = take();
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(update.getPath()).isEqualTo("/schedules/digest-u7");
        JsonNode replaced = json.readTree(update.getBody().readUtf8());
        assertThat(replaced.path("GroupName").asText()).isEqualTo("fx-alert-digests");
        assertThat(replaced.path("ScheduleExpressionTimezone").asText()).isEqualTo("Asia/Seoul");
        assertThat(replaced.path("ScheduleExpression").asText()).isEqualTo("cron(30 8 * * ? *)");
        assertThat(replaced.path("State").asText()).isEqualTo("ENABLED");
        assertThat(replaced.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        assertThat(replaced.path("Target").path("Input").asText()).isEqualTo(newYork.payload());
        assertUserTargetFailureHandling(replaced.path("Target"));
    }

    @Test
    void aRefusedUserScheduleIsReportedAsUnavailable() {
        server.enqueue(awsError(400, "ValidationException", "Invalid ScheduleExpressionTimezone."));

        assertThatThrownBy(() -> manager.putUserSchedule(new UserSchedule("fx-alert-digests", "digest-u1",
                ScheduleExpression.parse("cron(0 8 * * ? *)"), "UTC", "")))
                .isInstanceOf(ScheduleUnavailableException.class).hasMessageContaining("Invalid ScheduleExpressionTimezone");
    }

    @Test
    void replacesAUserScheduleThatExistsAlready() throws Exception {
        server.enqueue(awsError(409, "ConflictException", "Schedule digest-u1 already exists."));
        server.enqueue(jsonResponse("{\"ScheduleArn\":\"arn:aws:scheduler:us-east-1:123456789012:schedule/fx-alert-digests/digest-u1\"}"));

        manager.putUserSchedule(new UserSchedule("fx-alert-digests", "digest-u1", ScheduleExpression.parse("at(2026-12-24T18:00:00)"),
                "UTC", ""));

        take();
        RecordedRequest update = take();
        assertThat(update.getMethod()).isEqualTo("PUT");
        JsonNode body = json.readTree(update.getBody().readUtf8());
        assertThat(body.path("ScheduleExpression").asText()).isEqualTo("at(2026-12-24T18:00:00)");
        assertThat(body.path("ActionAfterCompletion").asText()).isEqualTo("DELETE");
    }

    @Test
    void deletesAUserScheduleAndSaysWhenThereWasNone() throws Exception {
        server.enqueue(jsonResponse("{}"));
        server.enqueue(awsError(404, "ResourceNotFoundException", "Schedule digest-u2 does not exist."));

        assertThat(manager.deleteUserSchedule("fx-alert-digests", "digest-u1")).isTrue();
        assertThat(manager.deleteUserSchedule("fx-alert-digests", "digest-u2")).isFalse();

        RecordedRequest delete = take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).startsWith("/schedules/digest-u1?").contains("groupName=fx-alert-digests");
    }

    @Test
    void refusesUserSchedulesWhenNoDigestTargetIsConfigured() {
        EventBridgeScheduleManager withoutDigest = new EventBridgeScheduleManager(client,
                new EventBridgeScheduleConfig("fx-alert-ingestion", null, null, null));

        assertThatThrownBy(() -> withoutDigest.putUserSchedule(new UserSchedule("g", "n", ScheduleExpression.parse("rate(1 day)"), "UTC", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DIGEST_TARGET_ARN");
        assertThat(server.getRequestCount()).isZero();
    }

    private void assertKeptEverythingElse(JsonNode body, String expectedExpression) {
        assertThat(body.path("GroupName").asText()).isEqualTo("fx-alert");
        assertThat(body.path("ScheduleExpression").asText()).isEqualTo(expectedExpression);
        assertThat(body.path("ScheduleExpressionTimezone").asText()).isEqualTo("Asia/Seoul");
        assertThat(body.path("Description").asText()).isEqualTo("Fetches exchange rates");
        assertThat(body.path("StartDate").asDouble()).isEqualTo(1764000000.0);
        assertThat(body.path("EndDate").asDouble()).isEqualTo(1893456000.0);
        assertThat(body.path("KmsKeyArn").asText()).endsWith("key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(body.path("ActionAfterCompletion").asText()).isEqualTo("NONE");
        assertThat(body.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("FLEXIBLE");
        assertThat(body.path("FlexibleTimeWindow").path("MaximumWindowInMinutes").asInt()).isEqualTo(2);
        JsonNode target = body.path("Target");
        assertThat(target.path("Arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fx-alert-ingestion");
        assertThat(target.path("RoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/fx-alert-scheduler");
        assertThat(target.path("Input").asText()).isEqualTo("{\"source\":\"schedule\"}");
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isEqualTo(300);
        assertThat(target.path("DeadLetterConfig").path("Arn").asText()).endsWith(":fx-alert-ingestion-dlq");
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the fake Scheduler").isNotNull();
        return request;
    }

    private static MockResponse jsonResponse(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse awsError(int status, String type, String message) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-amzn-ErrorType", type)
                .setBody("{\"Message\":\"" + message + "\"}");
    }
}
