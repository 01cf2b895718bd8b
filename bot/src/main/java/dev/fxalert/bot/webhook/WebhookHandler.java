package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fxalert.bot.webhook.admin.AdminRoute;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.log.LogCorrelation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The bot on AWS: API Gateway (HTTP API) hands Telegram's webhook calls and the operator's admin API calls to this
 * Lambda. Thin: {@code /admin/...} goes to {@link AdminRoute}, everything else to {@link TelegramWebhook}, and the
 * answers are wrapped back. No Spring, so cold starts stay short; collaborators
 * are built once per container by {@link WebhookWiring} (settings: docs/settings.md).
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Supplier<TelegramWebhook> webhook;
    private final Supplier<AdminRoute> admin;

    /** Used by the Lambda runtime. */
    public WebhookHandler() {
        this(WebhookWiring.fromEnvironment(Settings.fromSystemEnvironment(), Secrets.fromEnvironment(),
                Clock.systemUTC()));
    }

    private WebhookHandler(WebhookWiring wiring) {
        this(wiring.webhook(), wiring.admin());
    }

    /** The webhook only: {@code /admin} paths answer 404 like any unknown path. */
    public WebhookHandler(TelegramWebhook webhook) {
        this(webhook, null);
    }

    /** @param admin the {@code /admin/{proxy+}} route, or null for none */
    public WebhookHandler(TelegramWebhook webhook, AdminRoute admin) {
        this(() -> webhook, admin == null ? null : () -> admin);
    }

    private WebhookHandler(Supplier<TelegramWebhook> webhook, Supplier<AdminRoute> admin) {
        this.webhook = webhook;
        this.admin = admin;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        // Every log line of the invocation carries its request id; the webhook names the update_id once read.
        try (LogCorrelation.Scope ignored = LogCorrelation.invocation(context == null ? null : context.getAwsRequestId())) {
            return route(event);
        }
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        if (admin != null && AdminRoute.accepts(event)) {
            return admin.get().handle(event);
        }
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? null : event.getRequestContext().getHttp().getMethod();
        int status = webhook.get().handle(method, event.getRawPath(), event.getHeaders(), body(event));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withBody("").build();
    }

    /** The body as text; null when it is not valid base64, which the webhook then treats as a bad update. */
    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
