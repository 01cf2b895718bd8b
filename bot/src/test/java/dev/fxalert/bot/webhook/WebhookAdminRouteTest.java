package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.http.AdminHttpApi;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.testing.RecordingScheduleManager;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.bot.webhook.admin.AdminRoute;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.fxalert.bot.webhook.ApiGatewayEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook Lambda's {@code /admin/{proxy+}} route: API Gateway's payload 2.0 events in, the admin router's JSON
 * out, while {@code /telegram/webhook} behaves as before. Embedded stores stand in for DynamoDB behind the same ports.
 */
class WebhookAdminRouteTest {

    private static final String TOKEN = "admin-token-for-the-webhook-tests-0123456789";
    private static final String SECRET = WebhookFixture.SECRET;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final WebhookFixture fixture = new WebhookFixture(CLOCK);
    private final ObjectMapper json = new ObjectMapper();
    private final RecordingScheduleManager schedules = new RecordingScheduleManager();
    private final FakeBotApi telegram = fixture.api;
    private final EmbeddedStores stores = fixture.stores;

    private WebhookHandler handlerWithAdminToken(Optional<String> token) {
        TelegramWebhook webhook = fixture.webhook(Map.of());
        AdminAuthenticator authenticator = AdminAuthenticator.of(token);
        AdminServices services = AdminServices.wire(stores.users(), stores.alerts(), stores.audit(), new OperationsJournal(CLOCK),
                schedules, null, null, RateSources.none(), CLOCK);
        return new WebhookHandler(webhook, new AdminRoute(new AdminHttpApi(authenticator, services), authenticator));
    }

    private WebhookHandler handler() {
        return handlerWithAdminToken(Optional.of(TOKEN));
    }

    static Map<String, String> bearer(String token) {
        // API Gateway's payload 2.0 hands headers over lower-cased.
        return Map.of("authorization", "Bearer " + token, "host", "abcd1234.execute-api.eu-west-1.amazonaws.com");
    }

    private JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return json.readTree(response.getBody());
    }

    @Test
    void anAdminRequestWithTheRightTokenIsAnsweredByTheRoutersJson() throws Exception {
        stores.users().linkChat(4242L, "Jun", "en");

        APIGatewayV2HTTPResponse response = handler().handleRequest(request("GET", "/admin/stats", bearer(TOKEN), null), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getIsBase64Encoded()).isFalse();
        JsonNode stats = body(response);
        assertThat(stats.path("generatedAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(stats.path("users").path("active").asLong()).isEqualTo(1);
    }

    @Test
    void theTokenIsFoundWhateverTheCaseOfTheHeaderName() throws Exception {
        APIGatewayV2HTTPResponse response = handler().handleRequest(
                request("GET", "/admin/users/4242", Map.of("AUTHORIZATION", "Bearer " + TOKEN), null), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).path("error").asText()).isEqualTo("user_not_found");
    }

    @Test
    void queryStringParametersReachTheRouter() throws Exception {
        APIGatewayV2HTTPEvent event = request("GET", "/admin/alerts", bearer(TOKEN), null);
        event.setRawQueryString("limit=500");
        event.setQueryStringParameters(Map.of("limit", "500"));

        APIGatewayV2HTTPResponse response = handler().handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("message").asText()).contains("limit").contains("500");
    }

    @Test
    void aWrongTokenIsRefusedWith401() throws Exception {
        APIGatewayV2HTTPResponse response = handler().handleRequest(request("GET", "/admin/stats", bearer("guess"), null), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(body(response).path("error").asText()).isEqualTo("unauthorized");
        assertThat(response.getHeaders()).containsKey("WWW-Authenticate");
        assertThat(response.getBody()).doesNotContain(TOKEN);
    }

    @Test
    void aMissingTokenIsRefusedWith401() throws Exception {
        APIGatewayV2HTTPResponse response = handler().handleRequest(request("POST", "/admin/ingestion/pause", Map.of(), null), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(body(response).path("message").asText()).contains("Authorization: Bearer");
        assertThat(schedules.calls).isEmpty();
    }

    @Test
    void withoutAConfiguredTokenTheAdminApiDoesNotExist() throws Exception {
        APIGatewayV2HTTPResponse response = handlerWithAdminToken(Optional.empty())
                .handleRequest(request("GET", "/admin/stats", bearer(TOKEN), null), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void aBase64BodyIsDecodedBeforeTheRouterReadsIt() throws Exception {
        Map<String, String> headers = new HashMap<>(bearer(TOKEN));
        headers.put("content-type", "application/json");
        APIGatewayV2HTTPEvent event = request("PUT", "/admin/ingestion/schedule", headers,
                Base64.getEncoder().encodeToString("{\"expression\":\"rate(10 minutes)\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handler().handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).path("expression").asText()).isEqualTo("rate(10 minutes)");
        assertThat(schedules.calls).containsExactly("change rate(10 minutes)");
    }

    @Test
    void aBodyMarkedBase64ThatIsNotIsABadRequestForTheOperatorOnly() throws Exception {
        APIGatewayV2HTTPEvent allowed = request("PUT", "/admin/ingestion/schedule", bearer(TOKEN), "{not base64}");
        allowed.setIsBase64Encoded(true);
        APIGatewayV2HTTPEvent stranger = request("PUT", "/admin/ingestion/schedule", bearer("guess"), "{not base64}");
        stranger.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse operator = handler().handleRequest(allowed, null);
        APIGatewayV2HTTPResponse refused = handler().handleRequest(stranger, null);

        assertThat(operator.getStatusCode()).isEqualTo(400);
        assertThat(body(operator).path("message").asText()).contains("base64");
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(schedules.calls).isEmpty();
    }

    @Test
    void aNamedStageIsStrippedFromThePath() throws Exception {
        APIGatewayV2HTTPEvent event = request("POST", "/prod/admin/ingestion/pause", bearer(TOKEN), null);
        event.getRequestContext().setStage("prod");

        APIGatewayV2HTTPResponse response = handler().handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).path("state").asText()).isEqualTo("DISABLED");
    }

    @Test
    void piecesThisDeploymentLacksAnswer503() throws Exception {
        WebhookHandler handler = handler();

        APIGatewayV2HTTPResponse run = handler.handleRequest(request("POST", "/admin/ingestion/run", bearer(TOKEN), null), null);
        APIGatewayV2HTTPResponse broadcast = handler.handleRequest(request("POST", "/admin/broadcast", bearer(TOKEN),
                "{\"text\":\"Maintenance tonight\"}"), null);

        assertThat(run.getStatusCode()).isEqualTo(503);
        assertThat(body(run).path("error").asText()).isEqualTo("not_configured");
        assertThat(broadcast.getStatusCode()).isEqualTo(503);
    }

    @Test
    void theTelegramWebhookIsUnchangedNextToTheAdminRoute() {
        WebhookHandler handler = handler();
        Map<String, String> telegramHeaders = Map.of("content-type", "application/json",
                "x-telegram-bot-api-secret-token", SECRET);

        APIGatewayV2HTTPResponse update = handler.handleRequest(request("POST", "/telegram/webhook", telegramHeaders,
                FakeBotApi.messageUpdate(1, 5150L, "Jun", "/start")), null);
        APIGatewayV2HTTPResponse refused = handler.handleRequest(request("POST", "/telegram/webhook",
                Map.of("x-telegram-bot-api-secret-token", "guess"), "{}"), null);
        APIGatewayV2HTTPResponse elsewhere = handler.handleRequest(request("POST", "/administrator", bearer(TOKEN), "{}"), null);

        assertThat(update.getStatusCode()).isEqualTo(200);
        assertThat(update.getBody()).as("the one reply, in the response").contains("Hi Jun!");
        assertThat(telegram.calls("sendMessage")).isEmpty();
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(elsewhere.getStatusCode()).isEqualTo(404);
    }
}
