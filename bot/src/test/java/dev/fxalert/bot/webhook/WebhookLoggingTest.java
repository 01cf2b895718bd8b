package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import java.util.List;

import static dev.fxalert.bot.webhook.ApiGatewayEvents.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The webhook's log lines name the invocation (request id) and the Telegram update they handle (update_id). */
class WebhookLoggingTest {

    private static final String SECRET = WebhookFixture.SECRET;

    @RegisterExtension
    final WebhookFixture fixture = new WebhookFixture();
    private final FakeBotApi api = fixture.api;
    private final WebhookHandler handler = fixture.handler();
    private final LogCapture logs = LogCapture.start();

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void aLineLoggedWhileHandlingAnUpdateCarriesItsUpdateIdAndTheRequestId() {
        api.failSendMessageWith("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        Context context = mock(Context.class);
        when(context.getAwsRequestId()).thenReturn("req-77");

        // A button press: its message goes out as a call (a one-message command would answer in the response),
        // and the refused call is logged.
        handler.handleRequest(update(FakeBotApi.callbackUpdate(4242, "cbq-1", 5150L, "Jun", "a:pause:k3m9x2qa"), SECRET),
                context);

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

        handler.handleRequest(update("{}", null), context);

        assertThat(logs.linesOf(TelegramWebhook.class)).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("correlationId").asText()).isEqualTo("req-78");
        });
    }

}
