package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's quiet hours (issue 15): a daily window of wall-clock times in the user's zone, such as 23:00-07:00
 * (over midnight) or 12:00-13:00, during which pushes are held and then delivered as one summary at its end.
 * Stored on the user as its text form ({@link #toString()}, {@code HH:mm-HH:mm}).
 * <p>
 * Times are local: on a daylight-saving day the window keeps its wall-clock edges, so it is an hour shorter or
 * longer in absolute time; an edge that falls in a spring-forward gap moves to the first instant after the gap
 * ({@link ZonedDateTime#of} rules).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–~]\\s*(\\d{1,2}):(\\d{2})");

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new InvalidInputException(Msg.QUIET_EMPTY);
        }
    }

    /**
     * Reads {@code 23:00-07:00} (also {@code 23:00 - 7:00}, an en dash or a tilde); minutes precision.
     *
     * @throws InvalidInputException with {@link Msg#QUIET_USAGE} when it is not two times
     */
    public static QuietHours parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidInputException(Msg.QUIET_USAGE);
        }
        try {
            return new QuietHours(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException(Msg.QUIET_USAGE);
        }
    }

    /** The stored form, or null for null (a user without quiet hours); tolerates a value it cannot read (null). */
    public static QuietHours ofStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return parse(stored);
        } catch (InvalidInputException | DateTimeParseException unreadable) {
            return null;
        }
    }

    /**
     * When the quiet period {@code at} falls in ends, or null when {@code at} is not in quiet hours. The end is the
     * next {@link #end()} wall-clock time in {@code zone} after {@code at}, computed per day so a DST change
     * between start and end is honoured.
     */
    public Instant endIfQuiet(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = local.toLocalDate();
        // A window is identified by the day it starts; the one containing `at` started today or yesterday.
        for (LocalDate startDay : new LocalDate[]{today, today.minusDays(1)}) {
            Instant from = ZonedDateTime.of(startDay, start, zone).toInstant();
            LocalDate endDay = end.isAfter(start) ? startDay : startDay.plusDays(1);
            Instant to = ZonedDateTime.of(endDay, end, zone).toInstant();
            if (!at.isBefore(from) && at.isBefore(to)) {
                return to;
            }
        }
        return null;
    }

    /** {@code HH:mm-HH:mm}, the form stored and shown. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
