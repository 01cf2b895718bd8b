package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.core.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The webhook's log lines name the invocation (request id) and the Telegram update they handle (update_id). */
class WebhookLoggingTest {

    private static final String SECRET = "s3cret-webhook-token";

    @TempDir
    Path dir;
    private FakeBotApi api;
    private EmbeddedStores stores;
    private WebhookHandler handler;
    private LogCapture logs;

    @BeforeEach
    void wire() {
        api = new FakeBotApi();
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), Clock.systemUTC());
        handler = new WebhookHandler(WebhookWiring.webhook(Map.of(
                "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "TELEGRAM_API_URL", api.baseUrl()), stores));
        logs = LogCapture.start();
    }

    @AfterEach
    void close() throws Exception {
        logs.close();
        stores.close();
        api.close();
    }

    @Test
    void aLineLoggedWhileHandlingAnUpdateCarriesItsUpdateIdAndTheRequestId() {
        api.failSendMessageWith("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        Context context = mock(Context.class);
        when(context.getAwsRequestId()).thenReturn("req-77");

        // A button press: its message goes out as a call (a one-message command would answer in the response),
        // and the refused call is logged.
        handler.handleRequest(post(FakeBotApi.callbackUpdate(4242, "cbq-1", 5150L, "Jun", "a:pause:k3m9x2qa"),
                Map.of("x-telegram-bot-api-secret-token", SECRET)), context);

        List<JsonNode> lines = logs.linesOf(TelegramUpdateHandler.class);
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("correlationId").asText()).isEqualTo("4242");
            assertThat(line.path("requestId").asText()).isEqualTo("req-77");
        });
        assertThat(MDC.get(LogCorrelation.REQUEST_ID)).as("cleared after the invocation").isNull();
    }

    @Test
    void aRefusedCallIsLoggedUnderTheRequestId() {
        Context context = mock(Context.class);
        when(context.getAwsRequestId()).thenReturn("req-78");

        handler.handleRequest(post("{}", Map.of()), context);

        assertThat(logs.linesOf(TelegramWebhook.class)).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("correlationId").asText()).isEqualTo("req-78");
        });
    }

    private static APIGatewayV2HTTPEvent post(String body, Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(TelegramWebhook.PATH)
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath(TelegramWebhook.PATH).build())
                        .build())
                .build();
    }
}
