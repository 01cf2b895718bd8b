package dev.fxalert.bot.admin;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With METRICS_TOKEN set and ADMIN_API_DOCS=token, Prometheus needs the metrics token and the API description the
 * admin token, each as a bearer token or a Basic password; probes stay open. (OperationsEndpointsTest shows the
 * defaults: both public.)
 */
@TestPropertySource(properties = {"test.metrics-token=" + GuardedOperatorEndpointsTest.METRICS, "ADMIN_API_DOCS=token"})
class GuardedOperatorEndpointsTest extends AdminWebTest {

    static final String METRICS = "metrics-token-0123456789";

    @Test
    void prometheusNeedsTheMetricsTokenNotTheAdminOne() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + METRICS))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, basic("prometheus", METRICS)))
                .andExpect(status().isOk());
    }

    @Test
    void theApiDescriptionNeedsTheAdminToken() throws Exception {
        for (String path : new String[]{"/admin-openapi.yaml", "/v3/api-docs", "/swagger-ui/index.html"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + METRICS)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic("me", "wrong"))).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic("me", TOKEN))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin-openapi.yaml").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isOk()).andExpect(content().string(containsString("openapi: 3")));
    }

    @Test
    void probesStayOpen() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
