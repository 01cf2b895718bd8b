package dev.fxalert.bot.admin.schedule;

import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.UserSchedule;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.SimpleTriggerContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily digest (issue 15): a user's digest schedule, as the local scheduler runs it, fires at the user's local time
 * on both sides of a daylight-saving change; the same expression and zone go to EventBridge Scheduler.
 */
class DigestScheduleTest {

    private static final User MINA = new User("u-1", 42L, "Mina", "en", Instant.parse("2026-01-01T00:00:00Z"), true,
            "America/New_York", null, "08:30");

    @Test
    void oneDailyCronAtTheUsersTimeInTheUsersZoneNamedAfterTheUser() {
        UserSchedule schedule = DigestSchedules.of(MINA).orElseThrow();

        assertThat(schedule.group()).isEqualTo("fx-alert-digests");
        assertThat(schedule.name()).isEqualTo("digest-u-1");
        assertThat(schedule.expression().text()).isEqualTo("cron(30 8 * * ? *)");
        assertThat(schedule.timezone()).isEqualTo("America/New_York");
        assertThat(DigestSchedules.userId(schedule.payload())).contains("u-1");
        assertThat(schedule.payload()).isEqualTo("{\"action\":\"send-digest\",\"userId\":\"u-1\"}");
        assertThat(DigestSchedules.userId("{\"action\":\"drain-outbox\",\"userId\":\"u-1\"}")).isEmpty();
        assertThat(DigestSchedules.of(MINA, "stack-digests").orElseThrow().group()).isEqualTo("stack-digests");
        assertThat(DigestSchedules.userId("{\"other\":1}")).isEmpty();
        assertThat(DigestSchedules.userId("not json")).isEmpty();
        assertThat(DigestSchedules.of(new User("u-2", 1L, "", "en", Instant.EPOCH, true, "UTC", null, null))).isEmpty();
    }

    @Test
    void firesAtHalfPastEightLocalBeforeAndAfterDaylightSavingEnds() {
        UserSchedule schedule = DigestSchedules.of(MINA).orElseThrow();
        ZoneId zone = ZoneId.of(schedule.timezone());
        // 2026-11-01 02:00 EDT -> 01:00 EST.
        Instant saturdayNight = Instant.parse("2026-10-31T20:00:00Z");

        Instant first = next(schedule, zone, Instant.parse("2026-10-30T20:00:00Z"));
        Instant afterChange = next(schedule, zone, saturdayNight);

        assertThat(first).isEqualTo(Instant.parse("2026-10-31T12:30:00Z")); // 08:30 EDT
        assertThat(afterChange).isEqualTo(Instant.parse("2026-11-01T13:30:00Z")); // 08:30 EST
    }

    @Test
    void aRestartSchedulesEveryStoredDigestAgainAndNoneForUsersWithoutOneOrGone(@org.junit.jupiter.api.io.TempDir
                                                                               java.nio.file.Path dir) {
        var clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
        try (var stores = dev.fxalert.core.store.embedded.EmbeddedStores.open(
                new dev.fxalert.core.store.embedded.EmbeddedStoreConfig(dir.resolve("fx.db"), 50), clock)) {
            var users = stores.users();
            User seoul = users.linkChat(1L, "A", "ko");
            users.setTimezone(seoul.id(), "Asia/Seoul");
            users.setDigestTime(seoul.id(), "07:15");
            users.linkChat(2L, "B", "en"); // no digest
            User gone = users.linkChat(3L, "C", "en");
            users.setDigestTime(gone.id(), "09:00");
            users.deactivate(gone.id());
            var schedules = org.mockito.Mockito.mock(dev.fxalert.core.port.ScheduleManager.class);

            assertThat(DigestSchedules.scheduleAll(schedules, users)).isEqualTo(1);

            var put = org.mockito.ArgumentCaptor.forClass(UserSchedule.class);
            org.mockito.Mockito.verify(schedules).putUserSchedule(put.capture());
            assertThat(put.getValue().name()).isEqualTo("digest-" + seoul.id());
            assertThat(put.getValue().expression().text()).isEqualTo("cron(15 7 * * ? *)");
            assertThat(put.getValue().timezone()).isEqualTo("Asia/Seoul");
        }
    }

    private static Instant next(UserSchedule schedule, ZoneId zone, Instant after) {
        return SchedulerTriggers.trigger(schedule.expression(), zone)
                .nextExecution(new SimpleTriggerContext(Clock.fixed(after, ZoneOffset.UTC)));
    }
}
