package dev.fxalert.bot.admin.schedule;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.ScheduleExpression;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerTriggersTest {

    @Test
    void turnsRatesIntoPeriods() {
        assertThat(SchedulerTriggers.period(ScheduleExpression.parse("rate(5 minutes)"))).isEqualTo(Duration.ofMinutes(5));
        assertThat(SchedulerTriggers.period(ScheduleExpression.parse("rate(1 hour)"))).isEqualTo(Duration.ofHours(1));
        assertThat(SchedulerTriggers.period(ScheduleExpression.parse("rate(2 days)"))).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void addsSecondsAndDropsTheYearOfASchedulerCron() {
        assertThat(SchedulerTriggers.springCron(ScheduleExpression.parse("cron(0/15 9-17 ? * MON-FRI *)")))
                .isEqualTo("0 0/15 9-17 ? * MON-FRI");
    }

    @Test
    void shiftsDayOfWeekNumbersBecauseSchedulerCountsSundayAsOne() {
        assertThat(SchedulerTriggers.springCron(ScheduleExpression.parse("cron(0 8 ? * 2-6 *)"))).isEqualTo("0 0 8 ? * 1-5");
        assertThat(SchedulerTriggers.springCron(ScheduleExpression.parse("cron(0 8 ? * 1,7 *)"))).isEqualTo("0 0 8 ? * 0,6");
        assertThat(SchedulerTriggers.springCron(ScheduleExpression.parse("cron(0 8 ? * 2#1 *)"))).isEqualTo("0 0 8 ? * 1#1");
    }

    @Test
    void aSchedulerMondayCronFiresOnAMondayLocally() {
        String spring = SchedulerTriggers.springCron(ScheduleExpression.parse("cron(30 8 ? * 2 *)"));

        LocalDateTime next = CronExpression.parse(spring).next(LocalDateTime.of(2026, 11, 25, 12, 0)); // a Wednesday

        assertThat(next).isEqualTo(LocalDateTime.of(2026, 11, 30, 8, 30));
        assertThat(next.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    }

    @Test
    void refusesAYearTheLocalSchedulerCannotHonour() {
        assertThatThrownBy(() -> SchedulerTriggers.springCron(ScheduleExpression.parse("cron(0 8 * * ? 2027)")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("year");
    }
}
