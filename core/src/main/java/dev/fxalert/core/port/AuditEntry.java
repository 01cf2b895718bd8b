package dev.fxalert.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One operator action, as the audit log keeps it: what was done ({@code action}, e.g. {@code alert.pause}), to what
 * ({@code targetType} {@code alert} or {@code user} and its id), when, and a short human-readable outcome.
 *
 * @param id     unique; appending an entry with an id already stored changes nothing (a retried request logs once)
 * @param detail what changed, e.g. "3 alerts paused", or null
 */
public record AuditEntry(String id, Instant at, String action, String targetType, String targetId, String detail) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        if (id.isBlank() || id.length() > 64 || id.contains("#") || id.contains("|")) {
            throw new IllegalArgumentException("audit entry id must be 1..64 characters without '#' or '|'");
        }
    }
}
