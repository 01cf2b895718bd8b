package dev.fxalert.core.port;

import java.util.Objects;

/**
 * What a schedule looks like now.
 *
 * @param name       the schedule's name (e.g. {@code fx-alert-ingestion})
 * @param group      its group ({@code default} unless configured)
 * @param enabled    false while paused
 * @param expression when it fires, as the scheduler holds it (set outside FX Alert, it may be any form the scheduler accepts)
 * @param timezone   the time zone cron and at expressions are read in (IANA id, e.g. {@code UTC})
 */
public record ScheduleStatus(String name, String group, boolean enabled, String expression, String timezone) {
    public ScheduleStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(expression, "expression");
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone;
    }
}
