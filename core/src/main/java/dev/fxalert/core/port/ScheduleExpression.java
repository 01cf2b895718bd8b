package dev.fxalert.core.port;

import dev.fxalert.core.domain.InvalidInputException;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule expression in EventBridge Scheduler's syntax, validated before any adapter sees it:
 * {@code rate(5 minutes)}, {@code cron(0 8 * * ? *)} (six fields: minutes hours day-of-month month day-of-week
 * year) or {@code at(2026-12-24T18:00:00)}. The local adapter interprets the same syntax, so one expression means
 * the same thing locally and on AWS.
 */
public record ScheduleExpression(String text) {

    public enum Kind { RATE, CRON, AT }

    public enum RateUnit { MINUTES, HOURS, DAYS }

    private static final Pattern RATE = Pattern.compile("^rate\\((\\d{1,6}) (minute|minutes|hour|hours|day|days)\\)$");
    private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");
    private static final Pattern AT = Pattern.compile("^at\\((.*)\\)$");
    private static final String EXAMPLES = "Use rate(5 minutes), cron(0 8 * * ? *) or at(2026-12-24T18:00:00).";

    public ScheduleExpression {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("The schedule expression is missing. " + EXAMPLES);
        }
        text = text.strip();
        validate(text);
    }

    public static ScheduleExpression parse(String text) {
        return new ScheduleExpression(text);
    }

    public Kind kind() {
        if (text.startsWith("rate(")) {
            return Kind.RATE;
        }
        return text.startsWith("cron(") ? Kind.CRON : Kind.AT;
    }

    /** The N of {@code rate(N unit)}; only for {@link Kind#RATE}. */
    public long rateValue() {
        return Long.parseLong(rateMatcher().group(1));
    }

    /** The unit of {@code rate(N unit)}; only for {@link Kind#RATE}. */
    public RateUnit rateUnit() {
        String unit = rateMatcher().group(2);
        return unit.startsWith("minute") ? RateUnit.MINUTES : unit.startsWith("hour") ? RateUnit.HOURS : RateUnit.DAYS;
    }

    /** The six fields of {@code cron(...)}; only for {@link Kind#CRON}. */
    public String[] cronFields() {
        requireKind(Kind.CRON);
        Matcher cron = CRON.matcher(text);
        cron.matches();
        return cron.group(1).strip().split("\\s+");
    }

    /** The local date-time of {@code at(...)} (in the schedule's time zone); only for {@link Kind#AT}. */
    public LocalDateTime atTime() {
        requireKind(Kind.AT);
        Matcher at = AT.matcher(text);
        at.matches();
        return LocalDateTime.parse(at.group(1));
    }

    @Override
    public String toString() {
        return text;
    }

    private Matcher rateMatcher() {
        requireKind(Kind.RATE);
        Matcher rate = RATE.matcher(text);
        rate.matches();
        return rate;
    }

    private void requireKind(Kind expected) {
        if (kind() != expected) {
            throw new IllegalStateException(text + " is not a " + expected.name().toLowerCase() + " expression");
        }
    }

    private static void validate(String text) {
        if (text.startsWith("rate(")) {
            validateRate(text);
        } else if (text.startsWith("cron(")) {
            validateCron(text);
        } else if (text.startsWith("at(")) {
            validateAt(text);
        } else {
            throw new InvalidInputException("'" + text + "' is not a schedule expression. " + EXAMPLES);
        }
    }

    private static void validateRate(String text) {
        Matcher rate = RATE.matcher(text);
        if (!rate.matches()) {
            throw new InvalidInputException("'" + text + "' is not a valid rate: write rate(N minute|minutes|hour|hours|day|days)"
                    + " with a whole number N, e.g. rate(5 minutes).");
        }
        long value = Long.parseLong(rate.group(1));
        String unit = rate.group(2);
        if (value < 1) {
            throw new InvalidInputException("A rate must be at least 1, got " + text + ".");
        }
        // EventBridge Scheduler insists on the singular for 1 and the plural otherwise.
        boolean singular = !unit.endsWith("s");
        if (value == 1 && !singular) {
            throw new InvalidInputException("Write rate(1 " + unit.substring(0, unit.length() - 1) + "), singular, for a value of 1.");
        }
        if (value > 1 && singular) {
            throw new InvalidInputException("Write rate(" + value + " " + unit + "s), plural, for a value above 1.");
        }
    }

    private static void validateCron(String text) {
        Matcher cron = CRON.matcher(text);
        String body = cron.matches() ? cron.group(1).strip() : "";
        String[] fields = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (fields.length != 6) {
            throw new InvalidInputException("A cron expression needs 6 fields (minutes hours day-of-month month day-of-week year), got "
                    + fields.length + " in " + text + ". Example: cron(0 8 * * ? *).");
        }
        for (String field : fields) {
            if (!field.matches("[0-9A-Za-z*?,/#\\-L]+")) {
                throw new InvalidInputException("The cron field '" + field + "' in " + text + " has characters cron does not allow.");
            }
        }
        // Scheduler requires exactly one of day-of-month and day-of-week to be '?'.
        boolean dayOfMonthAny = fields[2].equals("?");
        boolean dayOfWeekAny = fields[4].equals("?");
        if (dayOfMonthAny == dayOfWeekAny) {
            throw new InvalidInputException("In " + text + " exactly one of day-of-month (3rd field) and day-of-week (5th field)"
                    + " must be '?'. Example: cron(0 8 * * ? *).");
        }
    }

    private static void validateAt(String text) {
        Matcher at = AT.matcher(text);
        String body = at.matches() ? at.group(1) : "";
        if (!body.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
            throw new InvalidInputException("'" + text + "' is not a valid one-time schedule: write at(yyyy-mm-ddThh:mm:ss),"
                    + " e.g. at(2026-12-24T18:00:00).");
        }
        try {
            LocalDateTime.parse(body);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + body + "' in " + text + " is not a real date and time.");
        }
    }
}
