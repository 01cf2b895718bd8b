package dev.fxalert.bot.webhook.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.ErrorBody;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.http.AdminHttpApi;
import dev.fxalert.admin.http.AdminHttpRequest;
import dev.fxalert.admin.http.AdminHttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The webhook Lambda's {@code ANY /admin/{proxy+}} route: maps API Gateway's HTTP API event (payload 2.0) onto
 * {@link AdminHttpRequest} (method, raw path, query parameters, headers, body decoded from base64 when API Gateway
 * encoded it) and the router's {@link AdminHttpResponse} back. Authentication and everything else is
 * {@link AdminHttpApi}'s.
 */
public final class AdminRoute {

    private final AdminHttpApi api;
    private final AdminAuthenticator authenticator;
    private final ObjectMapper json = new ObjectMapper();

    /** @param authenticator the one {@code api} checks with; used only to keep its 404/401 order for undecodable bodies */
    public AdminRoute(AdminHttpApi api, AdminAuthenticator authenticator) {
        this.api = api;
        this.authenticator = authenticator;
    }

    /** True for {@code /admin} and everything under it, also behind a named stage ({@code /prod/admin/...}). */
    public static boolean accepts(APIGatewayV2HTTPEvent event) {
        String path = path(event);
        return path.equals(AdminHttpApi.PREFIX) || path.startsWith(AdminHttpApi.PREFIX + "/");
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        boolean undecodable = false;
        if (body != null && event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                body = null;
                undecodable = true;
            }
        }
        AdminHttpRequest request = new AdminHttpRequest(method(event), path(event), event.getQueryStringParameters(),
                event.getHeaders(), body);
        if (undecodable && authenticator.check(request.header("Authorization")) == AdminAuthenticator.Verdict.ALLOWED) {
            return badRequest("The request body is marked base64-encoded but is not valid base64.");
        }
        return toEvent(api.handle(request));
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getMethod();
    }

    /** The raw path without the stage: HTTP API stages other than {@code $default} prefix it with their name. */
    private static String path(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        if (stage != null && !stage.isEmpty() && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            return path.substring(stage.length() + 1);
        }
        return path;
    }

    private APIGatewayV2HTTPResponse badRequest(String message) {
        try {
            return toEvent(new AdminHttpResponse(400, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                    json.writeValueAsString(new ErrorBody("invalid_request", message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always serializable", e);
        }
    }

    private static APIGatewayV2HTTPResponse toEvent(AdminHttpResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
