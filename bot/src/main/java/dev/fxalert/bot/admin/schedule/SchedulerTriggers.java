package dev.fxalert.bot.admin.schedule;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.ScheduleExpression;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates EventBridge Scheduler's expressions into what Spring's scheduler understands, so one expression means
 * the same locally and on AWS.
 */
final class SchedulerTriggers {

    // A number in the day-of-week field that is a day (not the N of "#N" nor a "/step").
    private static final Pattern DAY_NUMBER = Pattern.compile("(?<![#/])\\b([1-7])\\b");

    private SchedulerTriggers() {
    }

    /** Throws {@link InvalidInputException} when the local scheduler cannot run this expression. */
    static void check(ScheduleExpression expression) {
        if (expression.kind() == ScheduleExpression.Kind.CRON) {
            springCron(expression);
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

    /**
     * Scheduler's {@code cron(min hour dom month dow year)} as Spring's {@code sec min hour dom month dow}. Scheduler
     * numbers days of the week 1 (Sunday) to 7 (Saturday), Spring 0 (Sunday) to 6, so day numbers shift by one.
     * Spring has no year field: the local scheduler accepts only {@code *} there.
     */
    static String springCron(ScheduleExpression cron) {
        String[] fields = cron.cronFields();
        if (!fields[5].equals("*")) {
            throw new InvalidInputException("The local scheduler runs every year: use * as the year field (the 6th) of "
                    + cron.text() + ".");
        }
        String spring = String.join(" ", "0", fields[0], fields[1], fields[2], fields[3], shiftDayNumbers(fields[4]));
        try {
            CronExpression.parse(spring);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The local scheduler cannot run " + cron.text() + ": " + e.getMessage());
        }
        return spring;
    }

    private static String shiftDayNumbers(String dayOfWeek) {
        Matcher day = DAY_NUMBER.matcher(dayOfWeek);
        StringBuilder shifted = new StringBuilder();
        while (day.find()) {
            day.appendReplacement(shifted, String.valueOf(Integer.parseInt(day.group(1)) - 1));
        }
        day.appendTail(shifted);
        return shifted.toString();
    }
}
