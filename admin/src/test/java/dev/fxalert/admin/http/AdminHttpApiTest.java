package dev.fxalert.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.ProviderRun;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.testing.Alerts;
import dev.fxalert.admin.testing.InMemoryAlertStore;
import dev.fxalert.admin.testing.InMemoryUserStore;
import dev.fxalert.admin.testing.RecordingScheduleManager;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The router the webhook Lambda serves {@code /admin/{proxy+}} with: auth, routing, validation, JSON. */
class AdminHttpApiTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final RecordingScheduleManager schedules = new RecordingScheduleManager();
    private final List<OutgoingMessage> broadcasts = new ArrayList<>();
    private AdminHttpApi api;

    /** Every endpoint with a request that succeeds when authenticated. */
    static Stream<AdminHttpRequest> everyEndpoint() {
        return Stream.of(
                request("GET", "/admin/stats", null, null),
                request("GET", "/admin/users/101", null, null),
                request("GET", "/admin/alerts", Map.of("pair", "USD/KRW", "state", "ARMED"), null),
                request("GET", "/admin/alerts/dead-letters", null, null),
                request("POST", "/admin/ingestion/run", null, null),
                request("POST", "/admin/ingestion/pause", null, null),
                request("POST", "/admin/ingestion/resume", null, null),
                request("GET", "/admin/ingestion/schedule", null, null),
                request("PUT", "/admin/ingestion/schedule", null, "{\"expression\":\"rate(10 minutes)\"}"),
                request("POST", "/admin/broadcast", null, "{\"text\":\"Maintenance at 02:00 UTC\"}"));
    }

    @BeforeEach
    void wire() {
        users.add("u1", 101, true);
        users.add("u2", 102, true);
        alerts.add(Alerts.armed("a1", "u1", 101, "USD/KRW", "1400"));
        OperationsJournal journal = new OperationsJournal(Clock.fixed(NOW, ZoneOffset.UTC));
        AdminServices services = AdminServices.wire(users, alerts, journal, schedules,
                () -> new IngestionReport(NOW.minusSeconds(2), NOW, List.of(new ProviderRun("frankfurter", NOW, 3, 0, null)), 3, 0),
                message -> {
                    broadcasts.add(message);
                    return DeliveryResult.delivered();
                },
                Clock.fixed(NOW, ZoneOffset.UTC));
        api = new AdminHttpApi(AdminAuthenticator.of(Optional.of(TOKEN)), services);
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void everyEndpointAsksForTheTokenWhenNoneIsSent(AdminHttpRequest request) throws Exception {
        AdminHttpResponse response = api.handle(request);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(body(response).path("error").asText()).isEqualTo("unauthorized");
        assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void everyEndpointRefusesAWrongToken(AdminHttpRequest request) throws Exception {
        AdminHttpResponse response = api.handle(withToken(request, "Bearer " + TOKEN + "x"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response).path("message").asText()).isEqualTo("The bearer token is not valid.");
        assertThat(response.body()).doesNotContain(TOKEN);
        assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void everyEndpointAnswersJsonWithTheRightToken(AdminHttpRequest request) throws Exception {
        AdminHttpResponse response = api.handle(withToken(request, "Bearer " + TOKEN));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        assertThat(body(response).isObject()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void everyEndpointIsAbsentWhenNoTokenIsConfigured(AdminHttpRequest request) throws Exception {
        AdminHttpApi disabled = new AdminHttpApi(AdminAuthenticator.of(Optional.empty()),
                AdminServices.wire(users, alerts, new OperationsJournal(Clock.systemUTC()), schedules, null, null, Clock.systemUTC()));

        AdminHttpResponse response = disabled.handle(withToken(request, "Bearer " + TOKEN));

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response).path("error").asText()).isEqualTo("not_found");
        assertNothingChanged();
    }

    @Test
    void statsShowUsersAlertsAndTheLastIngestion() throws Exception {
        authorized(request("POST", "/admin/ingestion/run", null, null));

        JsonNode stats = body(authorized(request("GET", "/admin/stats", null, null)));

        assertThat(stats.path("users").path("active").asLong()).isEqualTo(2);
        assertThat(stats.path("alerts").path("ARMED").asLong()).isEqualTo(1);
        assertThat(stats.path("pushes").path("pending").asLong()).isZero();
        assertThat(stats.path("ingestion").path("providers").get(0).path("provider").asText()).isEqualTo("frankfurter");
    }

    @Test
    void findsAUserByChatIdWithTheirAlerts() throws Exception {
        JsonNode user = body(authorized(request("GET", "/admin/users/101", null, null)));

        assertThat(user.path("id").asText()).isEqualTo("u1");
        assertThat(user.path("alerts").get(0).path("threshold").asText()).isEqualTo("1400");
    }

    @Test
    void anUnknownChatIdIs404AndAMalformedOne400() throws Exception {
        AdminHttpResponse unknown = authorized(request("GET", "/admin/users/999", null, null));
        AdminHttpResponse malformed = authorized(request("GET", "/admin/users/abc", null, null));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(body(unknown).path("error").asText()).isEqualTo("user_not_found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(body(malformed).path("message").asText()).contains("'abc'");
    }

    @Test
    void listsAlertsPageByPageWithTheCursor() throws Exception {
        alerts.add(Alerts.armed("a2", "u1", 101, "USD/KRW", "1410"));
        alerts.add(Alerts.armed("a3", "u2", 102, "USD/KRW", "1420"));

        JsonNode first = body(authorized(request("GET", "/admin/alerts", Map.of("limit", "2"), null)));
        JsonNode second = body(authorized(request("GET", "/admin/alerts",
                Map.of("limit", "2", "cursor", first.path("nextCursor").asText()), null)));

        assertThat(first.path("items")).extracting(item -> item.path("id").asText()).containsExactly("a1", "a2");
        assertThat(second.path("items")).extracting(item -> item.path("id").asText()).containsExactly("a3");
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void invalidQueryParametersAreJson400s() throws Exception {
        for (Map<String, String> query : List.of(Map.of("state", "ACTIVE"), Map.of("pair", "USD/XYZ"), Map.of("limit", "500"),
                Map.of("cursor", "forged"))) {
            AdminHttpResponse response = authorized(request("GET", "/admin/alerts", query, null));

            assertThat(response.status()).as(query.toString()).isEqualTo(400);
            assertThat(body(response).path("error").asText()).isEqualTo("invalid_request");
            assertThat(body(response).path("message").asText()).isNotBlank();
        }
    }

    @Test
    void pausesResumesAndReschedulesIngestion() throws Exception {
        assertThat(body(authorized(request("POST", "/admin/ingestion/pause", null, null))).path("state").asText()).isEqualTo("DISABLED");
        JsonNode changed = body(authorized(request("PUT", "/admin/ingestion/schedule", null, "{\"expression\":\"cron(0 8 * * ? *)\"}")));
        assertThat(changed.path("expression").asText()).isEqualTo("cron(0 8 * * ? *)");
        assertThat(body(authorized(request("POST", "/admin/ingestion/resume", null, null))).path("state").asText()).isEqualTo("ENABLED");
    }

    @Test
    void refusesAnInvalidScheduleOrBodyWithoutTouchingTheSchedule() throws Exception {
        for (String badBody : List.of("{\"expression\":\"rate(5 seconds)\"}", "{\"expression\":\"\"}", "{}", "not json", "", "[1,2]")) {
            AdminHttpResponse response = authorized(request("PUT", "/admin/ingestion/schedule", null, badBody));

            assertThat(response.status()).as(badBody).isEqualTo(400);
            assertThat(body(response).path("error").asText()).isEqualTo("invalid_request");
        }
        assertThat(schedules.calls).isEmpty();
    }

    @Test
    void broadcastsToEveryActiveUserAndRefusesAnEmptyText() throws Exception {
        JsonNode report = body(authorized(request("POST", "/admin/broadcast", null, "{\"text\":\"Back at 02:30 UTC\"}")));
        AdminHttpResponse empty = authorized(request("POST", "/admin/broadcast", null, "{\"text\":\"  \"}"));

        assertThat(report.path("recipients").asInt()).isEqualTo(2);
        assertThat(report.path("delivered").asInt()).isEqualTo(2);
        assertThat(broadcasts).extracting(OutgoingMessage::chatId).containsExactly(101L, 102L);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(broadcasts).hasSize(2);
    }

    @Test
    void anUnknownPathIs404AndAWrongMethod405() throws Exception {
        AdminHttpResponse unknown = authorized(request("GET", "/admin/nothing", null, null));
        AdminHttpResponse wrongMethod = authorized(request("DELETE", "/admin/stats", null, null));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(body(wrongMethod).path("message").asText()).contains("Use GET");
    }

    @Test
    void toleratesATrailingSlashAndLowerCaseHeaderNames() {
        AdminHttpRequest request = new AdminHttpRequest("get", "/admin/stats/", null, Map.of("authorization", "Bearer " + TOKEN), null);

        assertThat(api.handle(request).status()).isEqualTo(200);
    }

    @Test
    void servicesThatAreNotWiredAnswer503() throws Exception {
        AdminHttpApi partial = new AdminHttpApi(AdminAuthenticator.of(Optional.of(TOKEN)),
                AdminServices.wire(users, alerts, new OperationsJournal(Clock.systemUTC()), null, null, null, Clock.systemUTC()));

        for (AdminHttpRequest request : List.of(request("POST", "/admin/ingestion/run", null, null),
                request("POST", "/admin/ingestion/pause", null, null),
                request("POST", "/admin/broadcast", null, "{\"text\":\"hi\"}"))) {
            AdminHttpResponse response = partial.handle(withToken(request, "Bearer " + TOKEN));
            assertThat(response.status()).isEqualTo(503);
            assertThat(body(response).path("error").asText()).isEqualTo("not_configured");
        }
    }

    private void assertNothingChanged() {
        assertThat(schedules.calls).isEmpty();
        assertThat(broadcasts).isEmpty();
    }

    private AdminHttpResponse authorized(AdminHttpRequest request) {
        return api.handle(withToken(request, "Bearer " + TOKEN));
    }

    private JsonNode body(AdminHttpResponse response) throws Exception {
        return json.readTree(response.body());
    }

    private static AdminHttpRequest request(String method, String path, Map<String, String> query, String body) {
        return new AdminHttpRequest(method, path, query, Map.of(), body);
    }

    private static AdminHttpRequest withToken(AdminHttpRequest request, String authorization) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("Authorization", authorization);
        return new AdminHttpRequest(request.method(), request.path(), request.query(), headers, request.body());
    }
}
