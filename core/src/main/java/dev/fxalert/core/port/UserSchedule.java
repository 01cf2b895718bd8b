package dev.fxalert.core.port;

import dev.fxalert.core.domain.InvalidInputException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A schedule of one user's own (the digest feature): when it fires, the configured target receives {@code payload}.
 *
 * @param group      groups the schedules of one feature (e.g. {@code fx-alert-digests}), so they can be listed and
 *                   cleaned up together
 * @param name       unique within the group, 1-64 characters of letters, digits, '.', '-' and '_'
 *                   (e.g. {@code digest-u123})
 * @param timezone   IANA zone the expression is read in, the user's own (e.g. {@code Asia/Seoul})
 * @param payload    what the target receives (e.g. a small JSON document naming the user), at most 8 KiB
 */
public record UserSchedule(String group, String name, ScheduleExpression expression, String timezone, String payload) {

    public static final int MAX_PAYLOAD_CHARS = 8192;
    private static final String NAME_PATTERN = "[0-9A-Za-z._-]{1,64}";

    public UserSchedule {
        requireName("group", group);
        requireName("name", name);
        Objects.requireNonNull(expression, "expression");
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone.strip();
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("'" + timezone + "' is not a time zone; use an IANA id such as Asia/Seoul.");
        }
        payload = payload == null ? "" : payload;
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new InvalidInputException("A schedule payload can be at most " + MAX_PAYLOAD_CHARS + " characters.");
        }
    }

    private static void requireName(String what, String value) {
        if (value == null || !value.matches(NAME_PATTERN)) {
            throw new InvalidInputException("The schedule " + what + " '" + value
                    + "' must be 1-64 letters, digits, '.', '-' or '_'.");
        }
    }
}
