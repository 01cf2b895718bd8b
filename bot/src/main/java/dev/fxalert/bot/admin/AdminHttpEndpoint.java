package dev.fxalert.bot.admin;

import dev.fxalert.admin.http.AdminHttpApi;
import dev.fxalert.admin.http.AdminHttpRequest;
import dev.fxalert.admin.http.AdminHttpResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Mounts the admin API's one router, {@link AdminHttpApi}, in the local Spring app: every method on {@code /admin}
 * and everything under it is handed over as an {@link AdminHttpRequest} and the router's answer written back as it
 * is. Spring MVC does no routing, conversion or error handling here, so an unknown path, a wrong method or a bad body
 * gets the router's documented answer, exactly as on Lambda (where {@code AdminRoute} does the same for API Gateway).
 */
@Controller
public class AdminHttpEndpoint {

    private final AdminHttpApi api;

    public AdminHttpEndpoint(AdminHttpApi api) {
        this.api = api;
    }

    @RequestMapping({AdminHttpApi.PREFIX, AdminHttpApi.PREFIX + "/**"})
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AdminHttpResponse answer = api.handle(toAdminRequest(request));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static AdminHttpRequest toAdminRequest(HttpServletRequest request) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new AdminHttpRequest(request.getMethod(), path, query(request.getQueryString()), headers,
                body.isEmpty() ? null : body);
    }

    /** The query string's parameters, decoded; the first value of a repeated one (the router's are single-valued). */
    private static Map<String, String> query(String queryString) {
        Map<String, String> query = new HashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return query;
        }
        MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance().query(queryString).build().getQueryParams();
        raw.forEach((name, values) -> {
            String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        });
        return query;
    }
}
