package dev.fxalert.bot.admin;

import dev.fxalert.bot.local.AdminApiConfiguration;

import dev.fxalert.bot.admin.schedule.LocalScheduleManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Probes, metrics and the API description the admin package brings along. */
class OperationsEndpointsTest extends AdminWebTest {

    @Autowired
    LocalScheduleManager localSchedule;

    @Test
    void livenessAndReadinessProbesAnswerWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    /** The default, without METRICS_TOKEN and ADMIN_API_DOCS: GuardedOperatorEndpointsTest shows the guarded choice. */
    @Test
    void exposesPrometheusMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void servesTheHandWrittenOpenApiDocumentAndSwaggerUiShowsIt() throws Exception {
        mvc.perform(get("/admin-openapi.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("openapi: 3")))
                .andExpect(content().string(containsString("/admin/ingestion/schedule:")));
        String served = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/admin/stats'].get.operationId").value("stats"))
                .andExpect(jsonPath("$.paths['/admin/ingestion/schedule'].put").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andReturn().getResponse().getContentAsString();
        // Nothing generated beside the hand-written paths (the catch-all mount would otherwise show as /admin/**).
        java.util.Set<String> servedPaths = new java.util.TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(served).path("paths").fieldNames().forEachRemaining(servedPaths::add);
        java.util.Set<String> written = new java.util.TreeSet<>();
        try (var in = getClass().getClassLoader().getResourceAsStream(AdminApiConfiguration.OPENAPI_DOCUMENT)) {
            io.swagger.v3.core.util.Yaml.mapper().readTree(in).path("paths").fieldNames().forEachRemaining(written::add);
        }
        assertThat(servedPaths).isEqualTo(written);
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void theLocalScheduleIsWiredWithTheConfiguredExpression() {
        assertThat(localSchedule.describe().expression()).isEqualTo("rate(5 minutes)");
        assertThat(localSchedule.describe().enabled()).isTrue();
    }

    @Test
    void noSecretAppearsInAnyAnswer() throws Exception {
        String stats = mvc.perform(get("/admin/stats").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andReturn().getResponse().getContentAsString();
        String env = mvc.perform(get("/actuator/env")).andReturn().getResponse().getContentAsString();

        assertThat(stats).doesNotContain(TOKEN);
        assertThat(env).doesNotContain(TOKEN);
    }
}
