package dev.fxalert.admin.schedule;

import dev.fxalert.core.port.UserSchedule;

/**
 * What a per-user schedule invokes when the local scheduler fires it (on AWS, Scheduler invokes the configured
 * target with the payload instead). The digest feature will provide one.
 */
@FunctionalInterface
public interface UserScheduleTarget {

    void fire(UserSchedule schedule);
}
