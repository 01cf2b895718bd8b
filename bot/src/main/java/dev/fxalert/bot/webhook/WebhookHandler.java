package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fxalert.bot.webhook.admin.AdminRoute;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.snapstart.SnapStartPriming;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bot on AWS: API Gateway (HTTP API) hands Telegram's webhook calls and the operator's admin API calls to this
 * Lambda. Thin: {@code /admin/...} goes to {@link AdminRoute}, everything else to {@link TelegramWebhook}, and the
 * answers are wrapped back. No Spring, so cold starts stay short; collaborators
 * are built once per container by {@link WebhookWiring} (settings: docs/settings.md). Before a SnapStart snapshot
 * the request path is primed ({@link WebhookPriming}, which reads no secret and calls no store).
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Supplier<TelegramWebhook> webhook;
    private final Supplier<AdminRoute> admin;
    /** Kept referenced: the CRaC context may hold it weakly. Null for handlers built around a ready webhook. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime. */
    public WebhookHandler() {
        this(WebhookWiring.fromEnvironment(Settings.fromSystemEnvironment(), Secrets.fromEnvironment(),
                Clock.systemUTC()));
    }

    /** As the runtime builds it, over the given parts; registers the SnapStart hooks of its request path. */
    WebhookHandler(WebhookWiring wiring) {
        this(wiring.webhook(), wiring.admin());
        this.priming = SnapStartPriming.register("bot-webhook", wiring.warmUp(), () -> { });
    }

    SnapStartPriming priming() {
        return priming;
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
        WebhookResponse response = webhook.get().handle(method, event.getRawPath(), event.getHeaders(), body(event));
        // A one-message reply travels back in the body as a Bot API method (WebhookResponse).
        return response.body()
                .map(json -> APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                        .withHeaders(Map.of("Content-Type", WebhookResponse.CONTENT_TYPE)).withBody(json).build())
                .orElseGet(() -> APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withBody("").build());
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
