package dev.fxalert.bot.admin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every admin endpoint without a token, with a wrong one and with the right one. */
class AdminEndpointsSecurityTest extends AdminWebTest {

    static Stream<MockHttpServletRequestBuilder> everyEndpoint() {
        return Stream.of(
                get("/admin/stats"),
                get("/admin/users/101"),
                get("/admin/alerts").param("pair", "USD/KRW").param("state", "ARMED"),
                post("/admin/ingestion/run"),
                post("/admin/ingestion/pause"),
                post("/admin/ingestion/resume"),
                get("/admin/ingestion/schedule"),
                put("/admin/ingestion/schedule").contentType(MediaType.APPLICATION_JSON).content("{\"expression\":\"rate(10 minutes)\"}"),
                post("/admin/broadcast").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Maintenance at 02:00 UTC\"}"));
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void withoutATokenEveryEndpointAnswers401Json(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(jsonPath("$.error").value("unauthorized"));
        assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void withAWrongTokenEveryEndpointAnswers401Json(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer not-" + TOKEN))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("The bearer token is not valid."))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(TOKEN);
        assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void withTheRightTokenEveryEndpointAnswers200Json(MockHttpServletRequestBuilder request) throws Exception {
        users.add("u1", 101, true);

        mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private void assertNothingChanged() {
        assertThat(schedules.calls).isEmpty();
        assertThat(broadcasts).isEmpty();
    }
}
