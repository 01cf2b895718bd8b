package dev.fxalert.bot.webhook.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.http.AdminApiContract;
import dev.fxalert.admin.http.AdminHttpApi;
import dev.fxalert.admin.http.AdminHttpRequest;
import dev.fxalert.admin.http.AdminHttpResponse;
import dev.fxalert.bot.webhook.ApiGatewayEvents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The admin specification through the webhook Lambda's own mount, {@link AdminRoute}: each request becomes API
 * Gateway's payload 2.0 event as the HTTP API sends it (headers lower-cased, query parameters decoded, a JSON body
 * base64-encoded as API Gateway may do) and the answer is read back from the proxy response.
 */
class LambdaAdminApiTest extends AdminApiContract {

    /** One mount per wiring, as a Lambda container builds it once. */
    private final Map<Wiring, AdminRoute> routes = new EnumMap<>(Wiring.class);

    @Override
    protected AdminHttpResponse send(Wiring wiring, AdminHttpRequest request) {
        AdminRoute route = routes.computeIfAbsent(wiring, w -> {
            AdminAuthenticator authenticator = AdminAuthenticator.of(w == Wiring.DISABLED ? Optional.empty() : Optional.of(TOKEN));
            return new AdminRoute(new AdminHttpApi(authenticator, services(w)), authenticator);
        });
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        String body = request.body();
        boolean base64 = body != null && body.startsWith("{");
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.request(request.method(), request.path(), headers,
                base64 ? java.util.Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        event.setIsBase64Encoded(base64);
        event.setRawQueryString(request.query().entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        event.setQueryStringParameters(request.query().isEmpty() ? null : new HashMap<>(request.query()));
        APIGatewayV2HTTPResponse response = route.handle(event);
        return new AdminHttpResponse(response.getStatusCode(), response.getHeaders(), response.getBody());
    }
}
