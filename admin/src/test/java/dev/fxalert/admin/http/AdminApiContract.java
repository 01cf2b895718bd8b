package dev.fxalert.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.testing.Alerts;
import dev.fxalert.admin.testing.InMemoryAlertStore;
import dev.fxalert.admin.testing.InMemoryAuditLog;
import dev.fxalert.admin.testing.InMemoryUserStore;
import dev.fxalert.admin.testing.RecordingScheduleManager;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.RateSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API's one specification, run unchanged against every mount of {@link AdminHttpApi}: the router called
 * directly ({@code DirectAdminApiTest}), the webhook Lambda's mount fed API Gateway events
 * ({@code dev.fxalert.bot.webhook.admin.LambdaAdminApiTest}), and the local Spring app over real HTTP
 * ({@code dev.fxalert.bot.admin.SpringAdminApiTest}). A subclass only says how to send a request to a mount wired one
 * of three ways; the fakes behind every mount are the static ones here, emptied before each test.
 */
public abstract class AdminApiContract {

    public static final String TOKEN = "test-admin-token-0123456789";
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** How the mount under test is wired. */
    public enum Wiring {
        /** the token set; schedule control, ingestion trigger and broadcast sender all present */
        FULL,
        /** no token configured: the admin API does not exist */
        DISABLED,
        /** the token set, but no schedule control, ingestion trigger nor broadcast sender */
        BARE
    }

    public static final InMemoryUserStore USERS = new InMemoryUserStore();
    public static final InMemoryAlertStore ALERTS = new InMemoryAlertStore();
    public static final InMemoryAuditLog AUDIT = new InMemoryAuditLog();
    public static final RecordingScheduleManager SCHEDULES = new RecordingScheduleManager();
    public static final List<OutgoingMessage> BROADCASTS = new CopyOnWriteArrayList<>();
    public static final IngestionTrigger TRIGGER = () -> new IngestionReport(NOW.minusSeconds(2), NOW,
            List.of(new ProviderRun("frankfurter", NOW, 0, 1, 3, 0, null)), 3, 0);
    /** Two providers: the ECB's Tuesday table held and Wednesday's not due yet; open.er-api a day overdue. */
    public static final RateSources SOURCES = new RateSources() {
        @Override
        public List<Status> statuses() {
            return List.of(
                    new Status("frankfurter", Cadence.ECB_REFERENCE, 31, Optional.of(Instant.parse("2026-11-24T15:00:00Z")),
                            Optional.of(Instant.parse("2026-11-25T15:00:00Z"))),
                    new Status("open-er-api", Cadence.DAILY, 166, Optional.of(Instant.parse("2026-11-23T00:02:31Z")),
                            Optional.of(Instant.parse("2026-11-24T00:02:31Z"))),
                    new Status("currency-api", Cadence.DAILY, 341, Optional.empty(), Optional.empty()));
        }

        @Override
        public Cadence cadence(String source) {
            return Cadence.ofSource(source);
        }
    };
    public static final BroadcastSender BROADCASTER = message -> {
        BROADCASTS.add(message);
        return DeliveryResult.delivered();
    };

    private final ObjectMapper json = new ObjectMapper();

    /** Sends one request to this subclass's mount of the router, wired as {@code wiring} says. */
    protected abstract AdminHttpResponse send(Wiring wiring, AdminHttpRequest request);

    /** The services a mount wired as {@code wiring} runs, over the static fakes (the token is the mount's business). */
    public static AdminServices services(Wiring wiring) {
        boolean full = wiring != Wiring.BARE;
        return AdminServices.wire(USERS, ALERTS, AUDIT, new OperationsJournal(CLOCK), full ? SCHEDULES : null,
                full ? TRIGGER : null, full ? BROADCASTER : null, SOURCES, CLOCK);
    }

    /** Every endpoint, with its documented path template and a request that succeeds when authenticated. */
    static Stream<Arguments> everyEndpoint() {
        return Stream.of(
                Arguments.of("/admin/stats", request("GET", "/admin/stats", null, null)),
                Arguments.of("/admin/sources", request("GET", "/admin/sources", null, null)),
                Arguments.of("/admin/users", request("GET", "/admin/users", Map.of("q", "user"), null)),
                Arguments.of("/admin/users/{chatId}", request("GET", "/admin/users/101", null, null)),
                Arguments.of("/admin/users/{chatId}/deactivate", request("POST", "/admin/users/102/deactivate", null, null)),
                Arguments.of("/admin/users/{chatId}/reactivate", request("POST", "/admin/users/102/reactivate", null, null)),
                Arguments.of("/admin/alerts/{alertId}/pause", request("POST", "/admin/alerts/a1/pause", null, null)),
                Arguments.of("/admin/alerts/{alertId}/resume", request("POST", "/admin/alerts/a1/resume", null, null)),
                Arguments.of("/admin/alerts/{alertId}", request("DELETE", "/admin/alerts/a1", null, null)),
                Arguments.of("/admin/audit", request("GET", "/admin/audit", null, null)),
                Arguments.of("/admin/alerts", request("GET", "/admin/alerts", Map.of("pair", "USD/KRW", "state", "ARMED"), null)),
                Arguments.of("/admin/alerts/dead-letters", request("GET", "/admin/alerts/dead-letters", null, null)),
                Arguments.of("/admin/ingestion/run", request("POST", "/admin/ingestion/run", null, null)),
                Arguments.of("/admin/ingestion/pause", request("POST", "/admin/ingestion/pause", null, null)),
                Arguments.of("/admin/ingestion/resume", request("POST", "/admin/ingestion/resume", null, null)),
                Arguments.of("/admin/ingestion/schedule", request("GET", "/admin/ingestion/schedule", null, null)),
                Arguments.of("/admin/ingestion/schedule", request("PUT", "/admin/ingestion/schedule", null, "{\"expression\":\"rate(10 minutes)\"}")),
                Arguments.of("/admin/broadcast", request("POST", "/admin/broadcast", null, "{\"text\":\"Maintenance at 02:00 UTC\"}")),
                // Daily digest (issue 15)
                Arguments.of("/admin/digests/schedule", request("POST", "/admin/digests/schedule", null, null)));
    }

    @BeforeEach
    void startFromTwoUsersAndOneAlert() {
        USERS.clear();
        ALERTS.clear();
        SCHEDULES.reset();
        BROADCASTS.clear();
        AUDIT.clear();
        USERS.add("u1", 101, true);
        USERS.add("u2", 102, true);
        ALERTS.add(Alerts.armed("a1", "u1", 101, "USD/KRW", "1400"));
    }

    @Test
    void everyEndpointIsCovered() {
        assertThat(everyEndpoint().map(arguments -> ((AdminHttpRequest) arguments.get()[1]).method() + " " + arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(AdminOpenApiDocumentTest.documented());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEndpoint")
    void everyEndpointAsksForTheTokenWhenNoneIsSent(String template, AdminHttpRequest request) throws Exception {
        AdminHttpResponse response = send(Wiring.FULL, request);

        assertThat(response.status()).isEqualTo(401);
        assertThat(header(response, "WWW-Authenticate")).isEqualTo("Bearer");
        assertError(response, "unauthorized");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEndpoint")
    void everyEndpointRefusesAWrongToken(String template, AdminHttpRequest request) throws Exception {
        AdminHttpResponse response = send(Wiring.FULL, withToken(request, "Bearer " + TOKEN + "x"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response).path("message").asText()).isEqualTo("The bearer token is not valid.");
        assertThat(response.body()).doesNotContain(TOKEN);
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEndpoint")
    void everyEndpointAnswersTheDocumentedJsonWithTheRightToken(String template, AdminHttpRequest request) throws Exception {
        AdminHttpResponse response = authorized(request);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        Set<String> fields = new HashSet<>();
        body(response).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("fields of %s %s against admin-openapi.yaml", request.method(), template)
                .containsExactlyInAnyOrderElementsOf(AdminOpenApiDocumentTest.responseFields(request.method(), template));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEndpoint")
    void everyEndpointIsAbsentWhenNoTokenIsConfigured(String template, AdminHttpRequest request) throws Exception {
        AdminHttpResponse response = send(Wiring.DISABLED, withToken(request, "Bearer " + TOKEN));

        assertThat(response.status()).isEqualTo(404);
        assertError(response, "not_found");
        assertNothingChanged();
    }

    @Test
    void statsCountUsersAlertsPendingPushesAndTheLastIngestion() throws Exception {
        USERS.add("u3", 103, false);
        ALERTS.add(Alerts.firedPending("a2", "u1", 101, "USD/KRW", "1390", NOW.minusSeconds(30)));
        assertThat(authorized(request("POST", "/admin/ingestion/run", null, null)).status()).isEqualTo(200);

        JsonNode stats = body(authorized(request("GET", "/admin/stats", null, null)));

        assertThat(stats.path("generatedAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(stats.path("users").path("active").asLong()).isEqualTo(2);
        assertThat(stats.path("users").path("blocked").asLong()).isEqualTo(1);
        assertThat(stats.path("alerts").path("ARMED").asLong()).isEqualTo(1);
        assertThat(stats.path("alerts").path("FIRED").asLong()).isEqualTo(1);
        assertThat(stats.path("pushes").path("pending").asLong()).isEqualTo(1);
        assertThat(stats.path("pushes").path("windowHours").asLong()).isEqualTo(24);
        assertThat(stats.path("ingestion").path("providers").get(0).path("provider").asText()).isEqualTo("frankfurter");
        assertThat(stats.path("ingestion").path("providers").get(0).path("pairs").asInt()).isEqualTo(3);
    }

    @Test
    void sourcesSayPerProviderWhatSlashSourcesSays() throws Exception {
        JsonNode body = body(authorized(request("GET", "/admin/sources", null, null)));

        assertThat(body.path("generatedAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
        JsonNode sources = body.path("sources");
        assertThat(sources).hasSize(3);
        assertThat(sources.get(0).path("name").asText()).isEqualTo("frankfurter");
        assertThat(sources.get(0).path("kind").asText()).isEqualTo("ECB_REFERENCE");
        assertThat(sources.get(0).path("currencies").asInt()).isEqualTo(31);
        assertThat(sources.get(0).path("newestTableAt").asText()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(sources.get(0).path("nextUpdateAt").asText()).isEqualTo("2026-11-25T15:00:00Z");
        assertThat(sources.get(0).path("failingSince").isNull()).isTrue();
        assertThat(sources.get(1).path("failingSince").asText()).isEqualTo("2026-11-24T00:02:31Z");
        assertThat(sources.get(2).path("newestTableAt").isNull()).isTrue();
        assertThat(sources.get(2).path("nextUpdateAt").isNull()).isTrue();
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
        assertError(unknown, "user_not_found");
        assertThat(malformed.status()).isEqualTo(400);
        assertError(malformed, "invalid_request");
        assertThat(body(malformed).path("message").asText()).contains("'abc'");
    }

    @Test
    void anAlertShowsItsKindOfRateAndAPercentMoveShowsItsWayPercentAndWindowNotAThreshold() throws Exception {
        // polish14 (issue 14 follow-up): a move alert was shown as "ABOVE <percent>", a bank-rate alert as mid
        ALERTS.add(dev.fxalert.core.domain.Alert.create("s1", new dev.fxalert.core.domain.Owner("u1", 101),
                dev.fxalert.core.domain.CurrencyPair.parse("USD/KRW"), dev.fxalert.core.domain.Direction.ABOVE,
                new java.math.BigDecimal("1480"), dev.fxalert.core.domain.AlertMode.REARM, null, Alerts.CREATED,
                dev.fxalert.core.domain.RateKind.BANK_SELL));
        ALERTS.add(dev.fxalert.core.domain.Alert.createMove("m1", new dev.fxalert.core.domain.Owner("u1", 101),
                        dev.fxalert.core.domain.CurrencyPair.parse("USD/KRW"),
                        new dev.fxalert.core.domain.Move(dev.fxalert.core.domain.MoveWay.DOWN, java.time.Duration.ofDays(7)),
                        new java.math.BigDecimal("1.5"), dev.fxalert.core.domain.AlertMode.ONCE, null, Alerts.CREATED)
                .expiringAt(Instant.parse("2026-12-31T14:59:59Z")).snooze(Instant.parse("2026-11-25T13:00:00Z")));

        JsonNode items = body(authorized(request("GET", "/admin/alerts", Map.of("pair", "USD/KRW"), null))).path("items");
        Map<String, JsonNode> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.path("id").asText(), item));

        JsonNode threshold = byId.get("a1");
        assertThat(threshold.path("kind").asText()).isEqualTo("MID");
        assertThat(threshold.path("direction").asText()).isEqualTo("ABOVE");
        assertThat(threshold.path("threshold").asText()).isEqualTo("1400");
        assertThat(threshold.path("move").isNull()).isTrue();
        assertThat(threshold.path("expiresAt").isNull()).isTrue();
        assertThat(byId.get("s1").path("kind").asText()).isEqualTo("BANK_SELL");
        JsonNode move = byId.get("m1");
        assertThat(move.path("kind").asText()).isEqualTo("MID");
        assertThat(move.path("direction").isNull()).as("a move has no direction").isTrue();
        assertThat(move.path("threshold").isNull()).as("its percent is no rate").isTrue();
        assertThat(move.path("move").path("way").asText()).isEqualTo("DOWN");
        assertThat(move.path("move").path("percent").asText()).isEqualTo("1.5");
        assertThat(move.path("move").path("window").asText()).isEqualTo("PT168H");
        assertThat(move.path("mode").asText()).isEqualTo("ONCE");
        assertThat(move.path("expiresAt").asText()).isEqualTo("2026-12-31T14:59:59Z");
        assertThat(move.path("snoozedUntil").asText()).isEqualTo("2026-11-25T13:00:00Z");
    }

    @Test
    void listsAlertsPageByPageWithTheCursor() throws Exception {
        ALERTS.add(Alerts.armed("a2", "u1", 101, "USD/KRW", "1410"));
        ALERTS.add(Alerts.armed("a3", "u2", 102, "USD/KRW", "1420"));
        ALERTS.add(Alerts.paused("a4", "u2", 102, "USD/KRW", "1430"));
        Map<String, String> armed = Map.of("pair", "USD/KRW", "state", "ARMED", "limit", "2");

        JsonNode first = body(authorized(request("GET", "/admin/alerts", armed, null)));
        Map<String, String> next = new HashMap<>(armed);
        next.put("cursor", first.path("nextCursor").asText());
        JsonNode second = body(authorized(request("GET", "/admin/alerts", next, null)));

        assertThat(first.path("items")).extracting(item -> item.path("id").asText()).containsExactly("a1", "a2");
        assertThat(second.path("items")).extracting(item -> item.path("id").asText()).containsExactly("a3");
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void invalidQueryParametersForgedCursorsAndCursorsOfAnotherListingAreJson400s() throws Exception {
        ALERTS.add(Alerts.armed("a2", "u1", 101, "USD/KRW", "1410"));
        String issued = body(authorized(request("GET", "/admin/alerts", Map.of("limit", "1"), null))).path("nextCursor").asText();

        for (Map<String, String> query : List.of(Map.of("state", "ACTIVE"), Map.of("pair", "USD/XYZ"), Map.of("limit", "500"),
                Map.of("limit", "two"), Map.of("cursor", "forged"), Map.of("cursor", "a1"),
                Map.of("cursor", issued, "state", "ARMED"))) {
            AdminHttpResponse response = authorized(request("GET", "/admin/alerts", query, null));

            assertThat(response.status()).as(query.toString()).isEqualTo(400);
            assertError(response, "invalid_request");
            assertThat(body(response).path("message").asText()).isNotBlank();
        }
    }

    @Test
    void pausesResumesAndReschedulesIngestion() throws Exception {
        assertThat(body(authorized(request("POST", "/admin/ingestion/pause", null, null))).path("state").asText()).isEqualTo("DISABLED");
        JsonNode changed = body(authorized(request("PUT", "/admin/ingestion/schedule", null, "{\"expression\":\"cron(0 8 * * ? *)\"}")));
        assertThat(changed.path("expression").asText()).isEqualTo("cron(0 8 * * ? *)");
        assertThat(body(authorized(request("POST", "/admin/ingestion/resume", null, null))).path("state").asText()).isEqualTo("ENABLED");
        assertThat(SCHEDULES.calls).containsExactly("pause", "change cron(0 8 * * ? *)", "resume");
    }

    @Test
    void refusesAnInvalidScheduleOrBodyWithoutTouchingTheSchedule() throws Exception {
        for (String badBody : List.of("{\"expression\":\"rate(5 seconds)\"}", "{\"expression\":\"\"}", "{}", "not json", "", "[1,2]")) {
            AdminHttpResponse response = authorized(request("PUT", "/admin/ingestion/schedule", null, badBody));

            assertThat(response.status()).as(badBody).isEqualTo(400);
            assertError(response, "invalid_request");
        }
        assertThat(SCHEDULES.calls).isEmpty();
    }

    @Test
    void broadcastsToEveryActiveUserAndRefusesAnEmptyText() throws Exception {
        JsonNode report = body(authorized(request("POST", "/admin/broadcast", null, "{\"text\":\"Back at 02:30 UTC\"}")));
        AdminHttpResponse empty = authorized(request("POST", "/admin/broadcast", null, "{\"text\":\"  \"}"));

        assertThat(report.path("recipients").asInt()).isEqualTo(2);
        assertThat(report.path("delivered").asInt()).isEqualTo(2);
        assertThat(BROADCASTS).extracting(OutgoingMessage::chatId).containsExactly(101L, 102L);
        assertThat(empty.status()).isEqualTo(400);
        assertError(empty, "invalid_request");
        assertThat(BROADCASTS).hasSize(2);
    }

    @Test
    void anUnknownPathIsTheDocumented404() throws Exception {
        for (String path : List.of("/admin", "/admin/nothing", "/admin/userz", "/admin/users/101/alerts", "/admin/stats/extra")) {
            AdminHttpResponse unknown = authorized(request("GET", path, null, null));

            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertError(unknown, "not_found");
            assertThat(body(unknown).path("message").asText()).as(path).startsWith("No admin endpoint at /admin");
        }
    }

    @Test
    void aWrongMethodIsTheDocumented405WithTheAllowedOnes() throws Exception {
        AdminHttpResponse delete = authorized(request("DELETE", "/admin/stats", null, null));
        AdminHttpResponse post = authorized(request("POST", "/admin/ingestion/schedule", null, "{}"));

        assertThat(delete.status()).isEqualTo(405);
        assertError(delete, "method_not_allowed");
        assertThat(body(delete).path("message").asText()).contains("Use GET");
        assertThat(header(delete, "Allow")).isEqualTo("GET");
        assertThat(post.status()).isEqualTo(405);
        assertThat(header(post, "Allow")).isEqualTo("GET, PUT");
        assertThat(SCHEDULES.calls).isEmpty();
    }

    @Test
    void toleratesATrailingSlashAndLowerCaseHeaderNames() {
        AdminHttpRequest request = new AdminHttpRequest("GET", "/admin/stats/", null, Map.of("authorization", "Bearer " + TOKEN), null);

        assertThat(send(Wiring.FULL, request).status()).isEqualTo(200);
    }

    @Test
    void servicesThatAreNotWiredAnswer503() throws Exception {
        for (AdminHttpRequest request : List.of(request("POST", "/admin/ingestion/run", null, null),
                request("POST", "/admin/ingestion/pause", null, null),
                request("GET", "/admin/ingestion/schedule", null, null),
                request("POST", "/admin/broadcast", null, "{\"text\":\"hi\"}"),
                request("POST", "/admin/digests/schedule", null, null))) {
            AdminHttpResponse response = send(Wiring.BARE, withToken(request, "Bearer " + TOKEN));

            assertThat(response.status()).as(request.path()).isEqualTo(503);
            assertError(response, "not_configured");
        }
        assertThat(BROADCASTS).isEmpty();
    }

    /** Daily digest (issue 15): the stored digest times get their schedules, a page of active users per call. */
    @Test
    void putsTheDigestScheduleOfEveryStoredDigestTimeAPageAtATime() throws Exception {
        USERS.add("u3", 103, true);
        USERS.add("u4", 104, false);
        USERS.setDigestTime("u1", "08:30");
        USERS.setDigestTime("u3", "21:05");
        USERS.setDigestTime("u4", "07:00"); // inactive: not scheduled

        JsonNode first = body(authorized(request("POST", "/admin/digests/schedule", Map.of("limit", "2"), null)));
        JsonNode second = body(authorized(request("POST", "/admin/digests/schedule",
                Map.of("limit", "2", "after", first.path("next").asText()), null)));
        AdminHttpResponse badLimit = authorized(request("POST", "/admin/digests/schedule", Map.of("limit", "0"), null));

        assertThat(first.path("users").asInt()).isEqualTo(2);
        assertThat(first.path("scheduled").asInt()).isEqualTo(1);
        assertThat(first.path("next").asText()).isEqualTo("u2");
        assertThat(second.path("users").asInt()).isEqualTo(1);
        assertThat(second.path("scheduled").asInt()).isEqualTo(1);
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(SCHEDULES.userSchedules.keySet()).containsExactlyInAnyOrder("fx-alert-digests/digest-u1",
                "fx-alert-digests/digest-u3");
        assertThat(SCHEDULES.userSchedules.get("fx-alert-digests/digest-u3").expression().text())
                .isEqualTo("cron(5 21 * * ? *)");
        assertThat(badLimit.status()).isEqualTo(400);
    }

    @Test
    void searchesUsersByNameOrChatIdAndRefusesAnEmptySearch() throws Exception {
        JsonNode byName = body(authorized(request("GET", "/admin/users", Map.of("q", "USER U"), null)));
        JsonNode byChat = body(authorized(request("GET", "/admin/users", Map.of("q", "102"), null)));
        AdminHttpResponse empty = authorized(request("GET", "/admin/users", Map.of("q", " "), null));
        AdminHttpResponse missing = authorized(request("GET", "/admin/users", null, null));

        assertThat(byName.path("items")).extracting(item -> item.path("chatId").asLong()).containsExactly(101L, 102L);
        assertThat(byChat.path("items")).extracting(item -> item.path("id").asText()).containsExactly("u2");
        assertThat(byChat.path("items").get(0).has("alerts")).isFalse();
        assertThat(empty.status()).isEqualTo(400);
        assertError(empty, "invalid_request");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void pausesResumesAndDeletesAnyAlertAndRecordsEachInTheAuditLog() throws Exception {
        JsonNode paused = body(authorized(request("POST", "/admin/alerts/a1/pause", null, null)));
        assertThat(paused.path("state").asText()).isEqualTo("PAUSED");
        assertThat(ALERTS.findById("a1")).get().extracting(a -> a.state().name()).isEqualTo("PAUSED");

        JsonNode resumed = body(authorized(request("POST", "/admin/alerts/a1/resume", null, null)));
        assertThat(resumed.path("state").asText()).isEqualTo("ARMED");

        JsonNode deleted = body(authorized(request("DELETE", "/admin/alerts/a1", null, null)));
        assertThat(deleted.path("id").asText()).isEqualTo("a1");
        assertThat(ALERTS.findById("a1")).isEmpty();

        AdminHttpResponse again = authorized(request("DELETE", "/admin/alerts/a1", null, null));
        assertThat(again.status()).isEqualTo(404);
        assertError(again, "alert_not_found");
        assertError(authorized(request("POST", "/admin/alerts/nosuch/pause", null, null)), "alert_not_found");

        JsonNode audit = body(authorized(request("GET", "/admin/audit", null, null)));
        assertThat(audit.path("items")).extracting(item -> item.path("action").asText())
                .containsExactly("alert.delete", "alert.resume", "alert.pause");
        assertThat(audit.path("items")).extracting(item -> item.path("targetId").asText()).containsOnly("a1");
        assertThat(audit.path("items").get(2).path("detail").asText()).isEqualTo("USD/KRW ABOVE 1400: ARMED -> PAUSED");
        assertThat(audit.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void deactivatingAUserPausesTheirAlertsAndReactivatingResumesThem() throws Exception {
        ALERTS.add(Alerts.armed("a2", "u1", 101, "USD/KRW", "1410"));

        JsonNode deactivated = body(authorized(request("POST", "/admin/users/101/deactivate", null, null)));
        assertThat(deactivated.path("active").asBoolean()).isFalse();
        assertThat(deactivated.path("alerts")).extracting(alert -> alert.path("state").asText()).containsOnly("PAUSED");
        assertThat(USERS.findByChatId(101)).get().extracting(user -> user.active()).isEqualTo(false);

        JsonNode reactivated = body(authorized(request("POST", "/admin/users/101/reactivate", null, null)));
        assertThat(reactivated.path("active").asBoolean()).isTrue();
        assertThat(reactivated.path("alerts")).extracting(alert -> alert.path("state").asText()).containsOnly("ARMED");

        AdminHttpResponse unknown = authorized(request("POST", "/admin/users/999/deactivate", null, null));
        assertThat(unknown.status()).isEqualTo(404);
        assertError(unknown, "user_not_found");

        JsonNode audit = body(authorized(request("GET", "/admin/audit", null, null)));
        assertThat(audit.path("items")).extracting(item -> item.path("detail").asText()).containsExactly(
                "chat 101: reactivated, 2 alert(s) resumed", "chat 101: deactivated, 2 alert(s) paused");
        assertThat(audit.path("items")).extracting(item -> item.path("targetType").asText()).containsOnly("user");
    }

    @Test
    void theAuditLogPagesWithItsCursorAndRefusesAForgedOne() throws Exception {
        for (int i = 0; i < 3; i++) {
            authorized(request("POST", "/admin/alerts/a1/" + (i % 2 == 0 ? "pause" : "resume"), null, null));
        }
        JsonNode first = body(authorized(request("GET", "/admin/audit", Map.of("limit", "2"), null)));
        JsonNode second = body(authorized(request("GET", "/admin/audit",
                Map.of("limit", "2", "cursor", first.path("nextCursor").asText()), null)));

        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        for (Map<String, String> query : List.of(Map.of("cursor", "forged"), Map.of("limit", "0"))) {
            AdminHttpResponse response = authorized(request("GET", "/admin/audit", query, null));
            assertThat(response.status()).as(query.toString()).isEqualTo(400);
            assertError(response, "invalid_request");
        }
    }

    private void assertNothingChanged() {
        assertThat(SCHEDULES.calls).isEmpty();
        assertThat(BROADCASTS).isEmpty();
        assertThat(AUDIT.entries()).isEmpty();
        assertThat(ALERTS.findById("a1")).get().extracting(a -> a.state().name()).isEqualTo("ARMED");
        assertThat(USERS.findByChatId(102)).get().extracting(user -> user.active()).isEqualTo(true);
    }

    /** The one error shape: exactly {@code error} and {@code message}. */
    private void assertError(AdminHttpResponse response, String code) throws Exception {
        JsonNode body = body(response);
        Set<String> fields = new HashSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(response.body()).containsExactlyInAnyOrder("error", "message");
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(header(response, "Content-Type")).startsWith("application/json");
    }

    private AdminHttpResponse authorized(AdminHttpRequest request) {
        return send(Wiring.FULL, withToken(request, "Bearer " + TOKEN));
    }

    private JsonNode body(AdminHttpResponse response) throws Exception {
        return json.readTree(response.body());
    }

    /** A header by name, ignoring case (HTTP clients may lower-case names). */
    protected static String header(AdminHttpResponse response, String name) {
        return response.headers().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    protected static AdminHttpRequest request(String method, String path, Map<String, String> query, String body) {
        return new AdminHttpRequest(method, path, query, Map.of(), body);
    }

    protected static AdminHttpRequest withToken(AdminHttpRequest request, String authorization) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("Authorization", authorization);
        return new AdminHttpRequest(request.method(), request.path(), request.query(), headers, request.body());
    }
}
