package dev.fxalert.ingestion.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.event.RateUpdatedJson;
import dev.fxalert.ingestion.retry.RetryPolicy;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real SDK client, pointed at MockWebServer standing in for EventBridge's JSON API. */
class EventBridgeRateEventPublisherTest {

    private static final String BUS = "fx-alert-test";
    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper mapper = new ObjectMapper();
    private final RateUpdatedJson json = new RateUpdatedJson();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private EventBridgeClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = EventBridgeClient.builder()
                .endpointOverride(URI.create(server.url("/").toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void sendsEachEventAsAnEntryOfTheConfiguredBusWithTheStandardSourceAndDetail() throws Exception {
        server.enqueue(success(1));
        RateUpdated event = event("USD/KRW", "1392.5");

        List<RateUpdated> unpublished = publisher(3).publish(List.of(event));

        assertThat(unpublished).isEmpty();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("AWSEvents.PutEvents");
        JsonNode entry = entries(request).get(0);
        assertThat(entry.path("EventBusName").asText()).isEqualTo(BUS);
        assertThat(entry.path("Source").asText()).isEqualTo("fx-alert.ingestion");
        assertThat(entry.path("DetailType").asText()).isEqualTo("RateUpdated");
        assertThat(json.fromDetail(entry.path("Detail").asText())).isEqualTo(event);
    }

    @Test
    void resendsOnlyTheEntriesReportedFailedAndThenSucceeds() throws Exception {
        server.enqueue(jsonResponse(Fixtures.read("eventbridge/put-events-partial-failure.json")));
        server.enqueue(success(1));
        List<RateUpdated> events = List.of(event("USD/KRW", "1392.5"), event("USD/JPY", "155.42"), event("EUR/KRW", "1695.13"));

        List<RateUpdated> unpublished = publisher(3).publish(events);

        assertThat(unpublished).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(details(server.takeRequest())).containsExactlyElementsOf(events);
        assertThat(details(server.takeRequest())).containsExactly(events.get(1));
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void returnsEntriesThatStillFailAfterTheLastAttemptAsUnpublished() {
        server.enqueue(jsonResponse(Fixtures.read("eventbridge/put-events-partial-failure.json")));
        server.enqueue(jsonResponse("{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"ThrottlingException\",\"ErrorMessage\":\"Rate exceeded\"}]}"));
        List<RateUpdated> events = List.of(event("USD/KRW", "1392.5"), event("USD/JPY", "155.42"), event("EUR/KRW", "1695.13"));

        List<RateUpdated> unpublished = publisher(2).publish(events);

        assertThat(unpublished).containsExactly(events.get(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesACallThatFailedAsAWhole() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400)
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .setBody("{\"__type\":\"ValidationException\",\"message\":\"try again\"}"));
        server.enqueue(success(2));
        List<RateUpdated> events = List.of(event("USD/KRW", "1392.5"), event("USD/JPY", "155.42"));

        assertThat(publisher(3).publish(events)).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        server.takeRequest();
        assertThat(details(server.takeRequest())).containsExactlyElementsOf(events);
    }

    @Test
    void sendsAtMostTenEntriesPerCall() throws Exception {
        server.enqueue(success(10));
        server.enqueue(success(10));
        server.enqueue(success(3));
        List<RateUpdated> events = IntStream.range(0, 23).mapToObj(i -> event("USD/KRW", "1400." + i)).toList();

        assertThat(publisher(3).publish(events)).isEmpty();

        assertThat(List.of(entries(server.takeRequest()).size(), entries(server.takeRequest()).size(),
                entries(server.takeRequest()).size())).containsExactly(10, 10, 3);
    }

    @Test
    void keepsEachCallUnder256Kilobytes() throws Exception {
        server.enqueue(success(8));
        server.enqueue(success(1));
        String bulkyProvider = "p".repeat(30_000); // about 30 KB of detail per entry: 9 entries exceed 256 KB
        List<RateUpdated> events = IntStream.range(0, 9).mapToObj(i -> RateUpdated.of(
                new Rate(CurrencyPair.parse("USD/KRW"), new BigDecimal("1400." + i), bulkyProvider,
                        Instant.parse("2026-11-25T00:00:00Z")), null)).toList();

        assertThat(publisher(3).publish(events)).isEmpty();

        assertThat(entries(server.takeRequest()).size()).isEqualTo(8);
        assertThat(entries(server.takeRequest()).size()).isEqualTo(1);
    }

    private EventBridgeRateEventPublisher publisher(int maxAttempts) {
        return new EventBridgeRateEventPublisher(client, BUS, json,
                new RetryPolicy(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(20)), sleeper, new Random(3));
    }

    private static RateUpdated event(String pair, String value) {
        return RateUpdated.of(new Rate(CurrencyPair.parse(pair), new BigDecimal(value), "frankfurter",
                Instant.parse("2026-11-24T15:00:00Z")), null);
    }

    private JsonNode entries(RecordedRequest request) throws IOException {
        return mapper.readTree(request.getBody().readUtf8()).path("Entries");
    }

    private List<RateUpdated> details(RecordedRequest request) throws IOException {
        List<RateUpdated> events = new ArrayList<>();
        for (JsonNode entry : entries(request)) {
            events.add(json.fromDetail(entry.path("Detail").asText()));
        }
        return events;
    }

    private static MockResponse success(int entries) {
        StringBuilder body = new StringBuilder("{\"FailedEntryCount\":0,\"Entries\":[");
        for (int i = 0; i < entries; i++) {
            body.append(i == 0 ? "" : ",").append("{\"EventId\":\"id-").append(i).append("\"}");
        }
        return jsonResponse(body.append("]}").toString());
    }

    private static MockResponse jsonResponse(String body) {
        return new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .setBody(body);
    }
}
