package dev.fxalert.bot.admin.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.ScheduleExpression;
import org.springframework.scheduling.Trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Runs EventBridge Scheduler's expressions on Spring's scheduler, so one expression means the same locally and on
 * AWS. {@code cron(...)} is parsed by cron-utils with a definition of Scheduler's own dialect (minutes, hours,
 * day-of-month with {@code L}, {@code W}, {@code LW} and {@code ?}, month, day-of-week 1 = Sunday to 7 = Saturday
 * with {@code L}, {@code #} and {@code ?}, year), not translated by hand into Spring's dialect: Spring numbers days of
 * the week differently, and a hand translation once turned "last Friday" ({@code 6L}) into "last Saturday".
 */
final class SchedulerTriggers {

    /** Scheduler's cron: Quartz's dialect without the seconds field, years 1970-2199. */
    static final CronDefinition EVENTBRIDGE = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark()
            .withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL().supportsQuestionMark()
            .withStrictRange().and()
            .withYear().withValidRange(1970, 2199).withStrictRange().and()
            .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
            .instance();

    private static final CronParser PARSER = new CronParser(EVENTBRIDGE);

    private SchedulerTriggers() {
    }

    /** Throws {@link InvalidInputException} when the local scheduler cannot run this expression. */
    static void check(ScheduleExpression expression) {
        if (expression.kind() == ScheduleExpression.Kind.CRON) {
            executionTime(expression);
        }
    }

    static Duration period(ScheduleExpression rate) {
        long value = rate.rateValue();
        return switch (rate.rateUnit()) {
            case MINUTES -> Duration.ofMinutes(value);
            case HOURS -> Duration.ofHours(value);
            case DAYS -> Duration.ofDays(value);
        };
    }

    /** The first time strictly after {@code after} a Scheduler cron fires in {@code zone}; empty when never again. */
    static Optional<ZonedDateTime> next(ScheduleExpression cron, ZoneId zone, Instant after) {
        return executionTime(cron).nextExecution(after.atZone(zone));
    }

    /** A Spring trigger firing when the Scheduler cron does, read in {@code zone}; it stops after its last year. */
    static Trigger trigger(ScheduleExpression cron, ZoneId zone) {
        ExecutionTime times = executionTime(cron);
        return context -> {
            // As Spring's CronTrigger: after the later of the last completion and the last scheduled time, so a
            // run that ends early is not repeated in the same minute.
            Instant from = context.lastCompletion();
            if (from == null) {
                from = context.getClock().instant();
            } else if (context.lastScheduledExecution() != null && from.isBefore(context.lastScheduledExecution())) {
                from = context.lastScheduledExecution();
            }
            return times.nextExecution(from.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
        };
    }

    private static ExecutionTime executionTime(ScheduleExpression cron) {
        String fields = String.join(" ", cron.cronFields());
        try {
            Cron parsed = PARSER.parse(fields);
            parsed.validate();
            return ExecutionTime.forCron(parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The local scheduler cannot run " + cron.text() + ": " + e.getMessage());
        }
    }
}
