package dev.fxalert.bot.admin.schedule;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.ScheduleExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.scheduling.support.SimpleTriggerContext;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheduler's expressions run locally as they do on AWS; the cron cases are AWS's documented examples. */
class SchedulerTriggersTest {

    /** Wednesday 25 November 2026, 12:00 UTC. */
    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void turnsRatesIntoPeriods() {
        assertThat(SchedulerTriggers.period(ScheduleExpression.parse("rate(5 minutes)"))).isEqualTo(Duration.ofMinutes(5));
        assertThat(SchedulerTriggers.period(ScheduleExpression.parse("rate(1 hour)"))).isEqualTo(Duration.ofHours(1));
        assertThat(SchedulerTriggers.period(ScheduleExpression.parse("rate(2 days)"))).isEqualTo(Duration.ofDays(2));
    }

    @ParameterizedTest(name = "{0} next fires at {1}")
    @CsvSource(delimiter = '|', value = {
            // AWS's examples in the EventBridge Scheduler user guide ("Cron expressions")
            "cron(0 10 * * ? *)          | 2026-11-26T10:00:00Z", // 10:00 every day
            "cron(15 12 * * ? *)         | 2026-11-25T12:15:00Z", // 12:15 every day
            "cron(0 18 ? * MON-FRI *)    | 2026-11-25T18:00:00Z", // 18:00 Monday to Friday
            "cron(0 8 1 * ? *)           | 2026-12-01T08:00:00Z", // 08:00 on the first day of the month
            "cron(0/15 * * * ? *)        | 2026-11-25T12:15:00Z", // every 15 minutes
            "cron(0/10 * ? * MON-FRI *)  | 2026-11-25T12:10:00Z", // every 10 minutes, Monday to Friday
            "cron(0/5 8-17 ? * MON-FRI *)| 2026-11-25T12:05:00Z", // every 5 minutes, 08:00-17:55, Monday to Friday
            "cron(0 9 ? * 2#1 *)         | 2026-12-07T09:00:00Z", // 09:00 on the first Monday of the month
            "cron(0 8 ? * 6L *)          | 2026-11-27T08:00:00Z", // 08:00 on the last Friday of the month
            "cron(0 0 L * ? *)           | 2026-11-30T00:00:00Z", // midnight on the last day of the month
            "cron(0 0 3W * ? *)          | 2026-12-03T00:00:00Z", // midnight on the weekday nearest the 3rd
            "cron(0 0 LW * ? *)          | 2026-11-30T00:00:00Z", // midnight on the last weekday of the month
            // Scheduler counts days of the week from 1 = Sunday, and has a year field
            "cron(0 8 ? * 1 *)           | 2026-11-29T08:00:00Z",
            "cron(0 8 ? * SUN *)         | 2026-11-29T08:00:00Z",
            "cron(0 8 ? * 2-6 *)         | 2026-11-26T08:00:00Z",
            "cron(0 8 1 1 ? 2028)        | 2028-01-01T08:00:00Z",
    })
    void firesWhenEventBridgeSchedulerWould(String expression, Instant expected) {
        assertThat(SchedulerTriggers.next(ScheduleExpression.parse(expression), ZoneOffset.UTC, WEDNESDAY_NOON))
                .map(ZonedDateTime::toInstant).contains(expected);
    }

    @Test
    void lastFridayOfTheMonthIsAFriday() {
        ZonedDateTime next = SchedulerTriggers.next(ScheduleExpression.parse("cron(0 8 ? * 6L *)"), ZoneOffset.UTC,
                Instant.parse("2026-10-01T00:00:00Z")).orElseThrow();

        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(next.toLocalDate()).hasToString("2026-10-30");
    }

    @Test
    void theWeekdayNearestTheFirstStaysInItsMonth() {
        // 1 August 2026 is a Saturday: AWS runs 1W on Monday the 3rd, not Friday 31 July.
        assertThat(SchedulerTriggers.next(ScheduleExpression.parse("cron(0 0 1W * ? *)"), ZoneOffset.UTC,
                Instant.parse("2026-07-15T00:00:00Z"))).map(ZonedDateTime::toInstant)
                .contains(Instant.parse("2026-08-03T00:00:00Z"));
    }

    @Test
    void readsTheExpressionInTheScheduleZone() {
        ZoneId seoul = ZoneId.of("Asia/Seoul");

        assertThat(SchedulerTriggers.next(ScheduleExpression.parse("cron(0 8 * * ? *)"), seoul, WEDNESDAY_NOON))
                .map(ZonedDateTime::toInstant).contains(Instant.parse("2026-11-25T23:00:00Z"));
    }

    @Test
    void aPastYearNeverFiresAgain() {
        assertThat(SchedulerTriggers.next(ScheduleExpression.parse("cron(0 8 1 1 ? 2025)"), ZoneOffset.UTC, WEDNESDAY_NOON))
                .isEmpty();
        assertThat(SchedulerTriggers.trigger(ScheduleExpression.parse("cron(0 8 1 1 ? 2025)"), ZoneOffset.UTC)
                .nextExecution(new SimpleTriggerContext(Clock.fixed(WEDNESDAY_NOON, ZoneOffset.UTC)))).isNull();
    }

    @Test
    void theSpringTriggerFiresWhenTheCronDoes() {
        assertThat(SchedulerTriggers.trigger(ScheduleExpression.parse("cron(0 8 ? * 6L *)"), ZoneOffset.UTC)
                .nextExecution(new SimpleTriggerContext(Clock.fixed(WEDNESDAY_NOON, ZoneOffset.UTC))))
                .isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cron(0 8 ? * 0 *)",       // Sunday is 1, not 0
            "cron(0 8 ? * 8 *)",
            "cron(0 8 1 * MON *)",     // one of day-of-month and day-of-week must be ?
            "cron(0 24 * * ? *)",
            "cron(60 8 * * ? *)",
            "cron(0 8 32 * ? *)",
    })
    void refusesWhatEventBridgeSchedulerRefuses(String expression) {
        assertThatThrownBy(() -> SchedulerTriggers.check(ScheduleExpression.parse(expression)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(expression);
    }
}
