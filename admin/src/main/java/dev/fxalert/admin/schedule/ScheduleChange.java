package dev.fxalert.admin.schedule;

/** The body of {@code PUT /admin/ingestion/schedule}: {@code {"expression":"rate(5 minutes)"}}. */
public record ScheduleChange(String expression) {
}
