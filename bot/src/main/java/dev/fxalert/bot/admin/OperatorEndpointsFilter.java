package dev.fxalert.bot.admin;

import dev.fxalert.admin.auth.AdminAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Guards the local app's operator endpoints outside {@code /admin} (the router guards those itself):
 * <ul>
 *   <li>{@code /actuator/prometheus}: public unless {@code METRICS_TOKEN} is set; then that token is required. A
 *       separate token from the admin one, because it sits in a Prometheus server's configuration, which should not
 *       be able to pause alerts.</li>
 *   <li>The API description ({@code /v3/api-docs}, {@code /admin-openapi.yaml}, {@code /swagger-ui...}) as
 *       {@code ADMIN_API_DOCS} says: {@code public} (the default: it shows no data, and every call it makes needs the
 *       admin token anyway), {@code token} (needs {@code ADMIN_API_TOKEN}), or {@code off} (404).</li>
 * </ul>
 * A token is accepted as {@code Authorization: Bearer <token>} (Prometheus' {@code authorization} setting) or as the
 * password of HTTP Basic with any user name (so a browser prompts for it on Swagger UI); compared in constant time by
 * {@link AdminAuthenticator}. Health probes are never guarded: orchestrators call them without credentials.
 */
public final class OperatorEndpointsFilter extends OncePerRequestFilter {

    public enum DocsAccess { PUBLIC, TOKEN, OFF }

    private final AdminAuthenticator metrics;
    private final AdminAuthenticator admin;
    private final DocsAccess docs;

    public OperatorEndpointsFilter(AdminAuthenticator metrics, AdminAuthenticator admin, DocsAccess docs) {
        this.metrics = metrics;
        this.admin = admin;
        this.docs = docs;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/actuator/prometheus") && metrics.enabled() && !allowed(metrics, request)) {
            refuse(response, 401, "unauthorized", "Send the METRICS_TOKEN as a bearer token (or as the Basic password).",
                    "fx-alert metrics");
            return;
        }
        if (isApiDescription(path) && docs != DocsAccess.PUBLIC) {
            if (docs == DocsAccess.OFF || !admin.enabled()) {
                refuse(response, 404, "not_found", "The API description is not served here.", null);
                return;
            }
            if (!allowed(admin, request)) {
                refuse(response, 401, "unauthorized", "Send the ADMIN_API_TOKEN as a bearer token (or as the Basic password).",
                        "fx-alert admin");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean isApiDescription(String path) {
        return path.equals("/admin-openapi.yaml") || path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/")
                || path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
    }

    private static boolean allowed(AdminAuthenticator authenticator, HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("basic ")) {
            header = "Bearer " + basicPassword(header.strip().substring("basic ".length()).strip());
        }
        return authenticator.check(header) == AdminAuthenticator.Verdict.ALLOWED;
    }

    private static String basicPassword(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "" : decoded.substring(colon + 1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static void refuse(HttpServletResponse response, int status, String error, String message, String realm)
            throws IOException {
        response.setStatus(status);
        if (realm != null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", Bearer");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
