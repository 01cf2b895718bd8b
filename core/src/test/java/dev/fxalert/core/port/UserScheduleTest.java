package dev.fxalert.core.port;

import dev.fxalert.core.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserScheduleTest {

    private static final ScheduleExpression DAILY = ScheduleExpression.parse("cron(0 8 * * ? *)");

    @Test
    void defaultsToUtcAndAnEmptyPayload() {
        UserSchedule schedule = new UserSchedule("fx-alert-digests", "digest-u1", DAILY, null, null);

        assertThat(schedule.timezone()).isEqualTo("UTC");
        assertThat(schedule.payload()).isEmpty();
    }

    @Test
    void refusesNamesSchedulerWouldRefuse() {
        assertThatThrownBy(() -> new UserSchedule("fx-alert-digests", "digest u1", DAILY, "UTC", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("digest u1");
        assertThatThrownBy(() -> new UserSchedule("", "digest-u1", DAILY, "UTC", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("group");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        assertThatThrownBy(() -> new UserSchedule("g", "n", DAILY, "Mars/Olympus", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Mars/Olympus");
    }
}
