package dev.fxalert.admin.operator;

import dev.fxalert.core.port.AuditEntry;

/** One entry of {@code GET /admin/audit}; times as ISO-8601. */
public record AuditEntryView(String id, String at, String action, String targetType, String targetId, String detail) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.at().toString(), entry.action(), entry.targetType(),
                entry.targetId(), entry.detail());
    }
}
