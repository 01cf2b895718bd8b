package dev.fxalert.admin.broadcast;

/** The body of {@code POST /admin/broadcast}: {@code {"text":"Maintenance tonight 02:00-02:30 UTC."}}. */
public record BroadcastRequest(String text) {
}
