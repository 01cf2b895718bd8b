package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * API Gateway HTTP API events (payload 2.0) as the webhook Lambda receives them, for every webhook and admin-route
 * test: one builder, so a field API Gateway sends is added once.
 */
public final class ApiGatewayEvents {

    /** The webhook's secret header as API Gateway hands it over: payload 2.0 lower-cases header names. */
    public static final String SECRET_HEADER = "x-telegram-bot-api-secret-token";

    private ApiGatewayEvents() {
    }

    /** A request on the {@code $default} stage; the route is the admin API's for {@code /admin/...}. */
    public static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(path.startsWith("/admin/") ? "ANY /admin/{proxy+}" : method + " " + path)
                .withRawPath(path)
                .withHeaders(new HashMap<>(headers))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .build())
                .build();
    }

    /** Telegram POSTing an update to {@code path} with the secret token header ({@code secret} null: without it). */
    public static APIGatewayV2HTTPEvent post(String path, String secret, String update) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (secret != null) {
            headers.put(SECRET_HEADER, secret);
        }
        return request("POST", path, headers, update);
    }

    /** Telegram POSTing an update to the webhook. */
    public static APIGatewayV2HTTPEvent update(String update, String secret) {
        return post(TelegramWebhook.PATH, secret, update);
    }
}
