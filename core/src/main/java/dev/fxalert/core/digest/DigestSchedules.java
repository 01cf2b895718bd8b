package dev.fxalert.core.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.ScheduleExpression;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserSchedule;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daily digest's schedules (issue 15): one per user on the {@link ScheduleManager} port, named after the user,
 * a daily cron at the user's {@code HH:mm} read in the user's own zone ({@code ScheduleExpressionTimezone} on AWS,
 * the zone of the local trigger), so it follows daylight-saving changes. This class owns both directions of the
 * schedule's payload, {@code {"action":"send-digest","userId":"..."}} (the user's id, never a chat id or a secret):
 * the scheduler hands it to the digest target (the local pool, or the Delivery Lambda on AWS, which tells it from its
 * other inputs by the action), which reads it here.
 * <p>
 * The group: {@link #GROUP} locally; on AWS the stack's own ({@code DIGEST_SCHEDULE_GROUP}), so that two stacks in
 * one account never share schedules; the methods taking a group are for that.
 */
public final class DigestSchedules {

    public static final String GROUP = "fx-alert-digests";
    /** The payload's {@code action}: what the Delivery Lambda dispatches a digest on. */
    public static final String ACTION = "send-digest";
    private static final String NAME_PREFIX = "digest-";
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 500;

    private DigestSchedules() {
    }

    /**
     * Reads a digest time as people type it ({@code 8:30}, {@code 08:30}); the stored form is {@code HH:mm}.
     *
     * @throws InvalidInputException with {@link Msg#DIGEST_USAGE} otherwise
     */
    public static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidInputException(Msg.DIGEST_USAGE);
        }
        try {
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw new InvalidInputException(Msg.DIGEST_USAGE);
        }
    }

    /** The schedule of {@code user}'s digest at their {@link User#digestTime()} in their zone; empty without one. */
    public static Optional<UserSchedule> of(User user) {
        return of(user, GROUP);
    }

    /** {@link #of(User)} in the given schedule group. */
    public static Optional<UserSchedule> of(User user, String group) {
        if (user.digestTime() == null) {
            return Optional.empty();
        }
        LocalTime at = parseTime(user.digestTime());
        ScheduleExpression daily = ScheduleExpression.parse("cron(" + at.getMinute() + " " + at.getHour() + " * * ? *)");
        return Optional.of(new UserSchedule(group, name(user.id()), daily, user.zone().getId(), payload(user.id())));
    }

    /** The payload a digest schedule hands its target: the action and the user's id, nothing else. */
    public static String payload(String userId) {
        ObjectNode payload = MAPPER.createObjectNode().put("action", ACTION).put("userId", userId);
        return payload.toString();
    }

    /** Creates or replaces the user's digest schedule, or deletes it when they have no digest time. */
    public static void apply(ScheduleManager schedules, User user) {
        apply(schedules, user, GROUP);
    }

    /** {@link #apply(ScheduleManager, User)} in the given schedule group. */
    public static void apply(ScheduleManager schedules, User user, String group) {
        Optional<UserSchedule> schedule = of(user, group);
        if (schedule.isPresent()) {
            schedules.putUserSchedule(schedule.get());
        } else {
            schedules.deleteUserSchedule(group, name(user.id()));
        }
    }

    /**
     * Puts the digest schedule of every active user who has a digest time, paging through the users: what a
     * scheduler that keeps its schedules in memory (the local one) runs at start-up, so the stored digest times
     * survive restarts. Returns how many were scheduled.
     */
    public static int scheduleAll(ScheduleManager schedules, dev.fxalert.core.port.UserStore users) {
        int scheduled = 0;
        String after = null;
        for (java.util.List<User> page = users.listActive(null, PAGE); !page.isEmpty();
             page = users.listActive(after, PAGE)) {
            for (User user : page) {
                if (user.digestTime() != null) {
                    apply(schedules, user);
                    scheduled++;
                }
            }
            after = page.get(page.size() - 1).id();
        }
        return scheduled;
    }

    public static String name(String userId) {
        return NAME_PREFIX + userId;
    }

    /**
     * The user a schedule's payload names; empty when it is not a digest payload (another action, no user id, not
     * JSON).
     */
    public static Optional<String> userId(String payload) {
        try {
            JsonNode node = MAPPER.readTree(payload == null ? "" : payload);
            if (node == null || !ACTION.equals(node.path("action").asText(null))) {
                return Optional.empty();
            }
            JsonNode id = node.get("userId");
            return id != null && id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }
}
