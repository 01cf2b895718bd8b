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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin API's one router, served by both runtimes: the webhook Lambda's {@code /admin/{proxy+}} route hands it
 * API Gateway's request ({@code AdminRoute}), the local app's Spring endpoint hands it the servlet request
 * ({@code AdminHttpEndpoint}). It authenticates, routes, validates and answers JSON; every error, including an unknown
 * path or a wrong method, has the one shape {@code {"error":..., "message":...}} (see {@link AdminErrors}).
 * <p>
 * Order of checks: no token configured gives 404 for every path; then a missing or wrong token gives 401 before any
 * routing, so unauthenticated callers learn nothing about which paths exist; then the route table: an unknown path is
 * 404 {@code not_found}, a known path with another method 405 {@code method_not_allowed} with an {@code Allow} header.
 * The table ({@link #routes()}) is also what {@code AdminOpenApiDocumentTest} holds the OpenAPI document to.
 */
public final class AdminHttpApi {

    public static final String PREFIX = "/admin";

    /** One endpoint: a method and a path template whose {@code {name}} segments match one non-empty segment. */
    public record Route(String method, String path) {
    }

    private record Binding(Route route, Pattern pattern, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(AdminHttpRequest request, Matcher path);
    }

    private final AdminAuthenticator authenticator;
    private final ObjectMapper json;
    private final List<Binding> bindings = new ArrayList<>();

    public AdminHttpApi(AdminAuthenticator authenticator, AdminServices services, ObjectMapper json) {
        this.authenticator = authenticator;
        // Like Spring's default: extra fields in a request body are ignored, not an error.
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        on("GET", "/admin/stats", (request, path) -> services.stats().stats());
        on("GET", "/admin/sources", (request, path) -> services.sources().sources());
        on("GET", "/admin/users", (request, path) -> services.users().search(request.queryParameter("q"),
                request.queryParameter("limit")));
        on("GET", "/admin/users/{chatId}", (request, path) -> services.users().byChatId(path.group(1)));
        on("POST", "/admin/users/{chatId}/deactivate", (request, path) -> services.actions().deactivateUser(path.group(1)));
        on("POST", "/admin/users/{chatId}/reactivate", (request, path) -> services.actions().reactivateUser(path.group(1)));
        on("GET", "/admin/alerts", (request, path) -> services.alerts().list(request.queryParameter("pair"),
                request.queryParameter("state"), request.queryParameter("cursor"), request.queryParameter("limit")));
        on("GET", "/admin/alerts/dead-letters", (request, path) -> services.alerts().deadLetters(request.queryParameter("limit")));
        on("POST", "/admin/alerts/{alertId}/pause", (request, path) -> services.actions().pauseAlert(path.group(1)));
        on("POST", "/admin/alerts/{alertId}/resume", (request, path) -> services.actions().resumeAlert(path.group(1)));
        on("DELETE", "/admin/alerts/{alertId}", (request, path) -> services.actions().deleteAlert(path.group(1)));
        on("GET", "/admin/audit", (request, path) -> services.actions().audit(request.queryParameter("cursor"),
                request.queryParameter("limit")));
        on("POST", "/admin/ingestion/run", (request, path) -> services.ingestion().runNow());
        on("POST", "/admin/ingestion/pause", (request, path) -> services.ingestion().pause());
        on("POST", "/admin/ingestion/resume", (request, path) -> services.ingestion().resume());
        on("GET", "/admin/ingestion/schedule", (request, path) -> services.ingestion().describe());
        on("PUT", "/admin/ingestion/schedule", (request, path) -> services.ingestion().changeSchedule(
                readBody(request, ScheduleChange.class, "{\"expression\":\"rate(5 minutes)\"}")));
        // Daily digest (issue 15): puts the stored digest times' schedules, a page of users per call.
        on("POST", "/admin/digests/schedule", (request, path) -> services.digests().scheduleStored(
                request.queryParameter("after"), request.queryParameter("limit")));
        on("POST", "/admin/broadcast", (request, path) -> services.broadcast().broadcast(
                readBody(request, BroadcastRequest.class, "{\"text\":\"...\"}")));
    }

    public AdminHttpApi(AdminAuthenticator authenticator, AdminServices services) {
        this(authenticator, services, new ObjectMapper());
    }

    /** Every endpoint this router serves, in the order they were declared. */
    public List<Route> routes() {
        return bindings.stream().map(Binding::route).toList();
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
        } catch (MethodNotAllowed e) {
            return error(AdminErrors.map(e), Map.of("Allow", e.allowed));
        } catch (RuntimeException e) {
            return error(AdminErrors.map(e), Map.of());
        }
    }

    private void on(String method, String template, Handler handler) {
        String regex = Arrays.stream(template.split("/", -1))
                .map(segment -> segment.startsWith("{") ? "([^/]+)" : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
        bindings.add(new Binding(new Route(method, template), Pattern.compile("^" + regex + "$"), handler));
    }

    private AdminHttpResponse route(AdminHttpRequest request) {
        String path = normalize(request.path());
        String method = request.method().toUpperCase(Locale.ROOT);
        Set<String> allowed = new LinkedHashSet<>();
        for (Binding binding : bindings) {
            Matcher matcher = binding.pattern().matcher(path);
            if (matcher.matches()) {
                if (binding.route().method().equals(method)) {
                    return ok(binding.handler().handle(request, matcher));
                }
                allowed.add(binding.route().method());
            }
        }
        if (allowed.isEmpty()) {
            throw AdminProblem.notFound("not_found", "No admin endpoint at " + path + ".");
        }
        throw new MethodNotAllowed(method, allowed);
    }

    /** 405 with the methods the path has, for the {@code Allow} header. */
    private static final class MethodNotAllowed extends AdminProblem {
        private final String allowed;

        MethodNotAllowed(String method, Set<String> allowed) {
            super(405, "method_not_allowed", "Use " + String.join(" or ", allowed) + " here, not " + method + ".");
            this.allowed = String.join(", ", allowed);
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
