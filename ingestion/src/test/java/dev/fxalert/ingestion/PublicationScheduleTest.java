package dev.fxalert.ingestion;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationScheduleTest {

    @Test
    void theEcbPublishesAt1600BerlinOnWorkingDays() {
        PublicationSchedule ecb = PublicationSchedule.of("frankfurter").orElseThrow();

        // Tuesday 25 Nov 16:00 CET (15:00 UTC) -> Wednesday 16:00 CET
        assertThat(ecb.nextAfter(Instant.parse("2026-11-25T15:00:00Z"))).isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
        // Friday's table -> Monday 16:00 CET: nobody is asked over the weekend
        assertThat(ecb.nextAfter(Instant.parse("2026-11-27T15:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        // summer time: 16:00 CEST is 14:00 UTC
        assertThat(ecb.nextAfter(Instant.parse("2026-07-01T14:00:00Z"))).isEqualTo(Instant.parse("2026-07-02T14:00:00Z"));
    }

    @Test
    void koreaEximbankPublishesAt1100SeoulOnWorkingDays() {
        PublicationSchedule exim = PublicationSchedule.of("koreaexim").orElseThrow();

        // Friday 27 Nov 11:00 KST (02:00 UTC) -> Monday 30 Nov 11:00 KST
        assertThat(exim.nextAfter(Instant.parse("2026-11-27T02:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
    }

    // Issue 17: no table on holidays, so none is expected.
    @Test
    void theEcbSkipsTargetHolidays() {
        PublicationSchedule ecb = PublicationSchedule.of("frankfurter").orElseThrow();

        // Thursday 25 Mar 2027 -> Good Friday and Easter Monday closed -> Tuesday 30 Mar 16:00 CEST (14:00 UTC)
        assertThat(ecb.nextAfter(Instant.parse("2027-03-25T15:00:00Z"))).isEqualTo(Instant.parse("2027-03-30T14:00:00Z"));
        // Thursday 24 Dec 2026 -> 25 and 26 Dec closed, then a weekend -> Monday 28 Dec
        assertThat(ecb.nextAfter(Instant.parse("2026-12-24T15:00:00Z"))).isEqualTo(Instant.parse("2026-12-28T15:00:00Z"));
    }

    @Test
    void koreaEximbankSkipsKoreanHolidays() {
        PublicationSchedule exim = PublicationSchedule.of("koreaexim").orElseThrow();

        // Wednesday 23 Sep 2026 -> Chuseok Thu/Fri, then a weekend -> Monday 28 Sep 11:00 KST
        assertThat(exim.nextAfter(Instant.parse("2026-09-23T02:00:00Z"))).isEqualTo(Instant.parse("2026-09-28T02:00:00Z"));
        // Friday 2 Oct 2026 -> Monday 5 Oct is the substitute holiday -> Tuesday 6 Oct
        assertThat(exim.nextAfter(Instant.parse("2026-10-02T02:00:00Z"))).isEqualTo(Instant.parse("2026-10-06T02:00:00Z"));
    }

    @Test
    void hourlyAndDailySourcesCountFromTheirLastTable() {
        assertThat(PublicationSchedule.of("openexchangerates").orElseThrow().nextAfter(Instant.parse("2026-11-25T01:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
        assertThat(PublicationSchedule.of("currency-api").orElseThrow().nextAfter(Instant.parse("2026-11-25T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(PublicationSchedule.of("some-fake")).isEmpty();
    }
}
