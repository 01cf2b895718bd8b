package dev.fxalert.core.port;

import dev.fxalert.core.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleExpressionTest {

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)",
            "rate(7 days)", "cron(0 8 * * ? *)", "cron(0/15 9-17 ? * MON-FRI *)", "cron(0 10 L * ? 2026)",
            "at(2026-12-24T18:00:00)", "  rate(5 minutes)  "})
    void acceptsEveryFormEventBridgeSchedulerAccepts(String text) {
        assertThat(ScheduleExpression.parse(text).text()).isEqualTo(text.strip());
    }

    @Test
    void readsTheValueAndUnitOfARate() {
        ScheduleExpression expression = ScheduleExpression.parse("rate(15 minutes)");

        assertThat(expression.kind()).isEqualTo(ScheduleExpression.Kind.RATE);
        assertThat(expression.rateValue()).isEqualTo(15);
        assertThat(expression.rateUnit()).isEqualTo(ScheduleExpression.RateUnit.MINUTES);
    }

    @Test
    void readsTheSixCronFieldsAndTheOneTimeDate() {
        assertThat(ScheduleExpression.parse("cron(0 8 * * ? *)").cronFields()).containsExactly("0", "8", "*", "*", "?", "*");
        assertThat(ScheduleExpression.parse("at(2026-12-24T18:00:00)").atTime())
                .isEqualTo(LocalDateTime.of(2026, 12, 24, 18, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "every 5 minutes", "rate(5 seconds)", "rate(0 minutes)", "rate(-1 minutes)",
            "rate(five minutes)", "rate(5minutes)", "rate(1 minutes)", "rate(5 minute)", "RATE(5 minutes)",
            "cron(0 8 * * *)", "cron(0 8 * * ? * *)", "cron()", "cron(0 8 * * * *)", "cron(0 8 ? * ? *)",
            "cron(0 8 * * ? $)", "at(2026-12-24 18:00)", "at(2026-02-30T10:00:00)", "at()"})
    void refusesAnythingElseWithASpecificMessage(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void tellsToUseTheSingularForOne() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)")).hasMessageContaining("rate(1 minute)");
    }

    @Test
    void countsTheCronFieldsItGot() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 8 * * *)")).hasMessageContaining("6 fields").hasMessageContaining("got 5");
    }

    @Test
    void aMissingExpressionIsInvalidInputNotANullPointer() {
        assertThatThrownBy(() -> ScheduleExpression.parse(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing");
    }
}
