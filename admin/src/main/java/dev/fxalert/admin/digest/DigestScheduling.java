package dev.fxalert.admin.digest;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserStore;

import java.util.List;

/**
 * Puts the daily-digest schedule of every active user who has a digest time, one page of users per call (issue 15):
 * the operator's bulk step on AWS, where schedules live in EventBridge Scheduler, for digest times stored before the
 * AWS digest path existed or whose schedule could not be put at the time (Scheduler down). The local app does the
 * same at every start ({@link DigestSchedules#scheduleAll}); here a page keeps each call well inside API Gateway's
 * 29 seconds, and the operator follows {@code next} until it is null. Putting a schedule again is harmless (it is
 * replaced whole), so a page may be repeated.
 */
public final class DigestScheduling {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    private final UserStore users;
    private final ScheduleManager schedules;
    private final String group;

    /** @param schedules where the users' schedules go; null when this deployment has none (answers 503) */
    public DigestScheduling(UserStore users, ScheduleManager schedules, String group) {
        this.users = users;
        this.schedules = schedules;
        this.group = group;
    }

    /**
     * @param after the last user id of the previous page (its {@code next}), or null to start
     * @param limit users to read (1-500, default 100)
     */
    public DigestSchedulingReport scheduleStored(String after, String limit) {
        if (schedules == null) {
            throw AdminProblem.notWired("Digest scheduling");
        }
        int page = pageSize(limit);
        List<User> active = users.listActive(after == null || after.isBlank() ? null : after, page);
        int scheduled = 0;
        for (User user : active) {
            if (user.digestTime() != null) {
                DigestSchedules.apply(schedules, user, group);
                scheduled++;
            }
        }
        String next = active.size() < page ? null : active.get(active.size() - 1).id();
        return new DigestSchedulingReport(active.size(), scheduled, next);
    }

    private static int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw AdminProblem.badRequest("limit must be a whole number from 1 to " + MAX_PAGE + ".");
    }
}
