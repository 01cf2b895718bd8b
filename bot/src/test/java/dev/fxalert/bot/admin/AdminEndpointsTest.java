package dev.fxalert.bot.admin;

import dev.fxalert.admin.testing.Alerts;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the authenticated endpoints answer; the same services and messages as the Lambda router. */
class AdminEndpointsTest extends AdminWebTest {

    @Test
    void statsCountUsersAlertsPendingPushesAndTheLastIngestion() throws Exception {
        users.add("u1", 101, true);
        users.add("u2", 102, false);
        alerts.add(Alerts.armed("a1", "u1", 101, "USD/KRW", "1400"));
        alerts.add(Alerts.firedPending("a2", "u1", 101, "USD/KRW", "1390", NOW.minusSeconds(30)));
        admin(post("/admin/ingestion/run")).andExpect(status().isOk());

        admin(get("/admin/stats"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.generatedAt").value("2026-11-25T12:00:00Z"))
                .andExpect(jsonPath("$.users.active").value(1))
                .andExpect(jsonPath("$.users.blocked").value(1))
                .andExpect(jsonPath("$.alerts.ARMED").value(1))
                .andExpect(jsonPath("$.alerts.FIRED").value(1))
                .andExpect(jsonPath("$.alerts.PAUSED").value(0))
                .andExpect(jsonPath("$.pushes.pending").value(1))
                .andExpect(jsonPath("$.pushes.windowHours").value(24))
                .andExpect(jsonPath("$.ingestion.providers[0].provider").value("frankfurter"))
                .andExpect(jsonPath("$.ingestion.providers[0].pairs").value(3));
    }

    @Test
    void findsAUserByChatIdAndSays404OrWhyNot() throws Exception {
        users.add("u1", 101, true);
        alerts.add(Alerts.armed("a1", "u1", 101, "USD/KRW", "1400.5"));

        admin(get("/admin/users/101"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("u1"))
                .andExpect(jsonPath("$.alerts[0].threshold").value("1400.5"));
        admin(get("/admin/users/999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("user_not_found"));
        admin(get("/admin/users/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("'abc'")));
    }

    @Test
    void pagesThroughAlertsWithTheCursor() throws Exception {
        for (String id : new String[] {"a1", "a2", "a3"}) {
            alerts.add(Alerts.armed(id, "u1", 101, "USD/KRW", "1400"));
        }
        alerts.add(Alerts.paused("a4", "u1", 101, "USD/KRW", "1400"));

        String cursor = admin(get("/admin/alerts").param("pair", "USD/KRW").param("state", "ARMED").param("limit", "2"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value("a1"))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"nextCursor\":\"([^\"]+)\".*", "$1");
        admin(get("/admin/alerts").param("pair", "USD/KRW").param("state", "ARMED").param("limit", "2").param("cursor", cursor))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("a3"))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void invalidAlertQueriesAreJson400s() throws Exception {
        admin(get("/admin/alerts").param("state", "ACTIVE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_request"))
                .andExpect(jsonPath("$.message").value(containsString("ARMED, FIRED, PAUSED")));
        admin(get("/admin/alerts").param("pair", "USD/XYZ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("XYZ")));
        admin(get("/admin/alerts").param("limit", "0")).andExpect(status().isBadRequest());
        admin(get("/admin/alerts").param("cursor", "forged")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("cursor")));
    }

    @Test
    void pausesReschedulesAndResumesIngestion() throws Exception {
        admin(post("/admin/ingestion/pause")).andExpect(jsonPath("$.state").value("DISABLED"));
        admin(put("/admin/ingestion/schedule").contentType(MediaType.APPLICATION_JSON).content("{\"expression\":\"rate(1 hour)\"}"))
                .andExpect(jsonPath("$.expression").value("rate(1 hour)"))
                .andExpect(jsonPath("$.state").value("DISABLED"));
        admin(post("/admin/ingestion/resume")).andExpect(jsonPath("$.state").value("ENABLED"));
        admin(get("/admin/ingestion/schedule")).andExpect(jsonPath("$.expression").value("rate(1 hour)"));

        assertThat(schedules.calls).containsExactly("pause", "change rate(1 hour)", "resume", "describe");
    }

    @Test
    void refusesInvalidSchedulesAndBodiesWithoutTouchingTheSchedule() throws Exception {
        admin(put("/admin/ingestion/schedule").contentType(MediaType.APPLICATION_JSON).content("{\"expression\":\"rate(30 seconds)\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("rate(30 seconds)")));
        admin(put("/admin/ingestion/schedule").contentType(MediaType.APPLICATION_JSON).content("{\"expression\":\"cron(0 8 * * *)\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("6 fields")));
        admin(put("/admin/ingestion/schedule").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_request"));
        admin(put("/admin/ingestion/schedule").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("missing")));
        admin(put("/admin/ingestion/schedule").contentType(MediaType.TEXT_PLAIN).content("rate(5 minutes)"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("invalid_request"));

        assertThat(schedules.calls).isEmpty();
    }

    @Test
    void broadcastsToActiveUsersThroughTheSender() throws Exception {
        users.add("u1", 101, true);
        users.add("u2", 102, true);
        users.add("u3", 103, false);

        admin(post("/admin/broadcast").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Back at 02:30 UTC\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients").value(2))
                .andExpect(jsonPath("$.delivered").value(2))
                .andExpect(jsonPath("$.failed").value(0));

        assertThat(broadcasts).extracting(OutgoingMessage::chatId).containsExactly(101L, 102L);
        assertThat(broadcasts).extracting(OutgoingMessage::text).containsOnly("Back at 02:30 UTC");
    }

    @Test
    void refusesAnEmptyOrOverlongBroadcastBeforeSendingAnything() throws Exception {
        users.add("u1", 101, true);

        admin(post("/admin/broadcast").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("empty")));
        admin(post("/admin/broadcast").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + "x".repeat(4097) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("4096")));

        assertThat(broadcasts).isEmpty();
    }

    @Test
    void runsIngestionOnDemandAndReturnsItsReport() throws Exception {
        admin(post("/admin/ingestion/run"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.durationMillis").value(2000))
                .andExpect(jsonPath("$.eventsPublished").value(3))
                .andExpect(jsonPath("$.providers[0].provider").value("frankfurter"));
    }

    private ResultActions admin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN));
    }
}
