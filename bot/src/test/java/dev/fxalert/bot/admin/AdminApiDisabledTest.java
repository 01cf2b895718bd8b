package dev.fxalert.bot.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With no ADMIN_API_TOKEN the admin API does not exist: 404 everywhere, whatever token is sent. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "test.admin-token=")
class AdminApiDisabledTest extends AdminWebTest {

    @Test
    void everyAdminPathAnswers404EvenWithAToken() throws Exception {
        mvc.perform(get("/admin/stats").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
        mvc.perform(post("/admin/ingestion/pause")).andExpect(status().isNotFound());
        mvc.perform(get("/admin")).andExpect(status().isNotFound());
        assertThat(schedules.calls).isEmpty();
    }

    @Test
    void healthStaysUpWithoutTheAdminApi() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
