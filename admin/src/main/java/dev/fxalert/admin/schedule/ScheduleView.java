package dev.fxalert.admin.schedule;

import dev.fxalert.core.port.ScheduleStatus;

/** A schedule as the admin API shows it; {@code state} is ENABLED or DISABLED, as EventBridge Scheduler says. */
public record ScheduleView(String name, String group, String state, String expression, String timezone) {

    public static ScheduleView of(ScheduleStatus status) {
        return new ScheduleView(status.name(), status.group(), status.enabled() ? "ENABLED" : "DISABLED",
                status.expression(), status.timezone());
    }
}
