package dev.fxalert.ingestion;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.DangiCalendar;
import com.ibm.icu.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: the days without a table besides weekends, for the ECB (TARGET, computed) and Korea Eximbank (shipped). */
class HolidaysTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25"})
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(Holidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void targetClosingDaysAreNewYearGoodFridayEasterMondayMayDayAndChristmas() {
        assertThat(List.of("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26",
                "2027-03-26", "2027-03-29")).allSatisfy(day ->
                assertThat(Holidays.TARGET.isHoliday(LocalDate.parse(day))).as(day).isTrue());
        assertThat(List.of("2026-04-02", "2026-04-07", "2026-05-04", "2026-12-24", "2026-12-28", "2026-10-03"))
                .allSatisfy(day -> assertThat(Holidays.TARGET.isHoliday(LocalDate.parse(day))).as(day).isFalse());
    }

    /** The lunar holidays of the shipped list are where the Korean lunisolar (Dangi) calendar of ICU4J puts them. */
    @Test
    void theShippedKoreanLunarHolidaysMatchTheDangiCalendar() {
        Map<LocalDate, String> listed = Holidays.korea().listed();
        for (int year = 2026; year <= Holidays.korea().coveredThrough().getYear(); year++) {
            LocalDate seollal = solarDateOf(year, 1, 1);
            LocalDate buddha = solarDateOf(year, 4, 8);
            LocalDate chuseok = solarDateOf(year, 8, 15);
            for (LocalDate day : List.of(seollal.minusDays(1), seollal, seollal.plusDays(1))) {
                assertThat(listed.get(day)).as("Seollal %s", day).isEqualTo("Seollal");
            }
            assertThat(listed.get(buddha)).as("Buddha's Birthday %s", buddha).isEqualTo("Buddha's Birthday");
            for (LocalDate day : List.of(chuseok.minusDays(1), chuseok, chuseok.plusDays(1))) {
                assertThat(listed.get(day)).as("Chuseok %s", day).isEqualTo("Chuseok");
            }
        }
    }

    /** The solar date of a Korean lunar month and day in the lunar year starting in {@code year}. */
    private static LocalDate solarDateOf(int year, int lunarMonth, int lunarDay) {
        DangiCalendar dangi = new DangiCalendar();
        dangi.setTimeZone(TimeZone.getTimeZone("Asia/Seoul"));
        com.ibm.icu.util.GregorianCalendar gregorian = new com.ibm.icu.util.GregorianCalendar(
                TimeZone.getTimeZone("Asia/Seoul"));
        gregorian.clear();
        gregorian.set(year, Calendar.JUNE, 1);
        dangi.setTimeInMillis(gregorian.getTimeInMillis());
        int lunarYear = dangi.get(Calendar.EXTENDED_YEAR);
        dangi.clear();
        dangi.set(Calendar.EXTENDED_YEAR, lunarYear);
        dangi.set(Calendar.MONTH, lunarMonth - 1);
        dangi.set(DangiCalendar.IS_LEAP_MONTH, 0);
        dangi.set(Calendar.DAY_OF_MONTH, lunarDay);
        return java.time.Instant.ofEpochMilli(dangi.getTimeInMillis()).atZone(SEOUL).toLocalDate();
    }

    @Test
    void koreanHolidaysOnWeekdaysAreHolidaysAndOrdinaryDaysAreNot() {
        Holidays korea = Holidays.korea();

        assertThat(korea.isHoliday(LocalDate.parse("2026-09-24"))).as("Chuseok, Thursday").isTrue();
        assertThat(korea.isHoliday(LocalDate.parse("2026-10-05"))).as("substitute for National Foundation Day").isTrue();
        assertThat(korea.isHoliday(LocalDate.parse("2026-06-03"))).as("local elections").isTrue();
        assertThat(korea.isHoliday(LocalDate.parse("2026-11-25"))).isFalse();
        assertThat(korea.isHoliday(LocalDate.parse("2028-01-03"))).as("past the list: weekdays only").isFalse();
    }

    /**
     * Fails 90 days before the shipped list of Korean holidays runs out: extend korean-public-holidays.txt (and its
     * covered-through line) with the next year's dates, as docs/providers.md says. Until then the schedule would
     * only skip weekends: more calls on Korean holidays, never a delayed table.
     */
    @Test
    void theShippedKoreanHolidaysCoverTheNextNinetyDays() {
        LocalDate today = LocalDate.now(Clock.system(SEOUL));

        assertThat(Holidays.korea().coveredThrough()).as("korean-public-holidays.txt covered-through")
                .isAfterOrEqualTo(today.plusDays(90));
    }
}
