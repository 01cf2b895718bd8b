package dev.fxalert.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.AdminErrors;
import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.broadcast.BroadcastRequest;
import dev.fxalert.admin.schedule.ScheduleChange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin API without a web framework, for the webhook Lambda's {@code /admin/{proxy+}} route: authenticates,
 * routes, validates and answers JSON exactly like the Spring controllers (both delegate to {@link AdminServices}).
 * Order of checks: no token configured gives 404 for every path; then a missing or wrong token gives 401 before any
 * routing, so unauthenticated callers learn nothing about which paths exist.
 */
public final class AdminHttpApi {

    public static final String PREFIX = "/admin";
    private static final Pattern USER_PATH = Pattern.compile("^/admin/users/([^/]+)$");

    private final AdminAuthenticator authenticator;
    private final AdminServices services;
    private final ObjectMapper json;

    public AdminHttpApi(AdminAuthenticator authenticator, AdminServices services, ObjectMapper json) {
        this.authenticator = authenticator;
        this.services = services;
        // Like Spring's default: extra fields in a request body are ignored, not an error.
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public AdminHttpApi(AdminAuthenticator authenticator, AdminServices services) {
        this(authenticator, services, new ObjectMapper());
    }

    public AdminHttpResponse handle(AdminHttpRequest request) {
        switch (authenticator.check(request.header("Authorization"))) {
            case DISABLED:
                return error(AdminErrors.disabled(), Map.of());
            case MISSING:
                return error(AdminErrors.unauthorized(false), Map.of("WWW-Authenticate", "Bearer"));
            case WRONG:
                return error(AdminErrors.unauthorized(true), Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
            case ALLOWED:
            default:
                break;
        }
        try {
            return route(request);
        } catch (RuntimeException e) {
            return error(AdminErrors.map(e), Map.of());
        }
    }

    private AdminHttpResponse route(AdminHttpRequest request) {
        String path = normalize(request.path());
        String method = request.method().toUpperCase(Locale.ROOT);
        Matcher user = USER_PATH.matcher(path);
        if (user.matches()) {
            requireMethod(method, "GET");
            return ok(services.users().byChatId(user.group(1)));
        }
        switch (path) {
            case "/admin/stats":
                requireMethod(method, "GET");
                return ok(services.stats().stats());
            case "/admin/alerts":
                requireMethod(method, "GET");
                return ok(services.alerts().list(request.queryParameter("pair"), request.queryParameter("state"),
                        request.queryParameter("cursor"), request.queryParameter("limit")));
            case "/admin/alerts/dead-letters":
                requireMethod(method, "GET");
                return ok(services.alerts().deadLetters(request.queryParameter("limit")));
            case "/admin/ingestion/run":
                requireMethod(method, "POST");
                return ok(services.ingestion().runNow());
            case "/admin/ingestion/pause":
                requireMethod(method, "POST");
                return ok(services.ingestion().pause());
            case "/admin/ingestion/resume":
                requireMethod(method, "POST");
                return ok(services.ingestion().resume());
            case "/admin/ingestion/schedule":
                requireMethod(method, "GET", "PUT");
                return method.equals("GET")
                        ? ok(services.ingestion().describe())
                        : ok(services.ingestion().changeSchedule(readBody(request, ScheduleChange.class, "{\"expression\":\"rate(5 minutes)\"}")));
            case "/admin/broadcast":
                requireMethod(method, "POST");
                return ok(services.broadcast().broadcast(readBody(request, BroadcastRequest.class, "{\"text\":\"...\"}")));
            default:
                throw AdminProblem.notFound("not_found", "No admin endpoint at " + path + ".");
        }
    }

    private <T> T readBody(AdminHttpRequest request, Class<T> type, String example) {
        String body = request.body();
        if (body == null || body.isBlank()) {
            throw AdminProblem.badRequest("The request body is empty; send JSON like " + example + ".");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw AdminProblem.badRequest("The request body must be a JSON object like " + example + ".");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw AdminProblem.badRequest("The request body must be a JSON object like " + example + ".");
        }
    }

    private static void requireMethod(String method, String... allowed) {
        if (!List.of(allowed).contains(method)) {
            throw new AdminProblem(405, "method_not_allowed", "Use " + String.join(" or ", allowed) + " here, not " + method + ".");
        }
    }

    private static String normalize(String path) {
        String trimmed = path.strip();
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private AdminHttpResponse ok(Object body) {
        return respond(200, body, Map.of());
    }

    private AdminHttpResponse error(AdminErrors.Mapped mapped, Map<String, String> extraHeaders) {
        return respond(mapped.status(), mapped.body(), extraHeaders);
    }

    private AdminHttpResponse respond(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        try {
            return new AdminHttpResponse(status, headers, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("admin response not serializable: " + body.getClass().getSimpleName(), e);
        }
    }
}
