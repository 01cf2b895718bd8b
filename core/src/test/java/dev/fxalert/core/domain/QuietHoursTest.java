package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void readsTheUsualWaysOfWritingTwoTimesAndStoresOneForm() {
        assertThat(QuietHours.parse("23:00-07:00")).isEqualTo(new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0)));
        assertThat(QuietHours.parse(" 23:00 - 7:00 ")).hasToString("23:00-07:00");
        assertThat(QuietHours.parse("12:30~13:15")).hasToString("12:30-13:15");
        assertThat(QuietHours.ofStored("22:00-06:00")).isEqualTo(QuietHours.parse("22:00-06:00"));
        assertThat(QuietHours.ofStored(null)).isNull();
        assertThat(QuietHours.ofStored("garbage")).isNull();
    }

    @Test
    void refusesWhatIsNotTwoDifferentTimes() {
        for (String bad : new String[]{"", "23:00", "25:00-07:00", "23:60-07:00", "tonight", "23-7"}) {
            assertThatThrownBy(() -> QuietHours.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).key()).isEqualTo(Msg.QUIET_USAGE);
        }
        assertThatThrownBy(() -> QuietHours.parse("07:00-07:00"))
                .extracting(e -> ((InvalidInputException) e).key()).isEqualTo(Msg.QUIET_EMPTY);
    }

    @Test
    void aWindowOverMidnightEndsTheNextMorningAndIncludesItsStartButNotItsEnd() {
        QuietHours night = QuietHours.parse("23:00-07:00");

        assertThat(night.endIfQuiet(Instant.parse("2026-11-25T13:59:59Z"), SEOUL)).isNull(); // 22:59:59
        assertThat(night.endIfQuiet(Instant.parse("2026-11-25T14:00:00Z"), SEOUL)) // 23:00
                .isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));
        assertThat(night.endIfQuiet(Instant.parse("2026-11-25T18:00:00Z"), SEOUL)) // 03:00 next day
                .isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));
        assertThat(night.endIfQuiet(Instant.parse("2026-11-25T22:00:00Z"), SEOUL)).isNull(); // 07:00
    }

    @Test
    void aWindowWithinOneDay() {
        QuietHours lunch = QuietHours.parse("12:00-13:00");

        assertThat(lunch.endIfQuiet(Instant.parse("2026-11-25T03:30:00Z"), SEOUL))
                .isEqualTo(Instant.parse("2026-11-25T04:00:00Z"));
        assertThat(lunch.endIfQuiet(Instant.parse("2026-11-25T05:00:00Z"), SEOUL)).isNull();
    }

    @Test
    void keepsWallClockEdgesAcrossDaylightSavingChanges() {
        QuietHours night = QuietHours.parse("22:00-06:00");
        // DST ends 2026-11-01 02:00 EDT -> 01:00 EST: that night is 9 hours long.
        assertThat(night.endIfQuiet(Instant.parse("2026-11-01T03:00:00Z"), NEW_YORK)) // 23:00 EDT
                .isEqualTo(Instant.parse("2026-11-01T11:00:00Z")); // 06:00 EST
        // DST starts 2026-03-08 02:00 EST -> 03:00 EDT: that night is 7 hours long.
        assertThat(night.endIfQuiet(Instant.parse("2026-03-08T04:00:00Z"), NEW_YORK)) // 23:00 EST on the 7th
                .isEqualTo(Instant.parse("2026-03-08T10:00:00Z")); // 06:00 EDT
        // An edge inside the spring-forward gap (02:30 does not exist) moves past the gap.
        QuietHours gap = QuietHours.parse("22:00-02:30");
        assertThat(gap.endIfQuiet(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK)) // 00:00 EST
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
    }
}
