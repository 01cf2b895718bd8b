package dev.fxalert.core.port;

/**
 * Controls when ingestion runs (EventBridge Scheduler on AWS, Spring's task scheduler locally) and holds the
 * per-user schedules of the digest feature. Every change keeps everything it was not asked to change: pausing keeps
 * the expression, changing the expression keeps the paused/enabled state, target and time zone.
 */
public interface ScheduleManager {

    /** The ingestion schedule as it is now. */
    ScheduleStatus describe();

    /** Stops ingestion from firing until {@link #resume()}; pausing a paused schedule changes nothing. */
    ScheduleStatus pause();

    /** Lets a paused ingestion schedule fire again; resuming an enabled one changes nothing. */
    ScheduleStatus resume();

    /** Changes when ingestion fires; an already validated expression, so adapters need not re-check the syntax. */
    ScheduleStatus changeExpression(ScheduleExpression expression);

    /** Creates or replaces the user's schedule with this group and name. */
    void putUserSchedule(UserSchedule schedule);

    /** @return false when no schedule with this group and name existed */
    boolean deleteUserSchedule(String group, String name);
}
