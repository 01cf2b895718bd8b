package dev.fxalert.bot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.AdminErrors;
import dev.fxalert.admin.auth.AdminAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Guards every {@code /admin/**} request before Spring MVC sees it: 404 when no token is configured (the API does
 * not exist), 401 with a JSON error when the bearer token is missing or wrong. Same verdicts as the Lambda router.
 */
public final class AdminTokenFilter extends OncePerRequestFilter {

    private final AdminAuthenticator authenticator;
    private final ObjectMapper json;

    public AdminTokenFilter(AdminAuthenticator authenticator, ObjectMapper json) {
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Admin answers are about live operations: never cache them, whatever they say.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        switch (authenticator.check(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            case ALLOWED -> chain.doFilter(request, response);
            case DISABLED -> write(response, AdminErrors.disabled(), null);
            case MISSING -> write(response, AdminErrors.unauthorized(false), "Bearer");
            case WRONG -> write(response, AdminErrors.unauthorized(true), "Bearer error=\"invalid_token\"");
        }
    }

    private void write(HttpServletResponse response, AdminErrors.Mapped error, String challenge) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        json.writeValue(response.getOutputStream(), error.body());
    }
}
