package dev.fxalert.core.store.embedded;

import dev.fxalert.core.port.AuditEntry;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.AuditPage;
import dev.fxalert.core.store.AuditCursors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The audit log in H2's {@code audit_log} table; the primary key makes a repeated append a no-op. */
final class EmbeddedAuditLog implements AuditLog {

    private static final String COLUMNS = "id, at, action, target_type, target_id, detail";

    private final Jdbc jdbc;

    EmbeddedAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry entry) {
        try {
            jdbc.update("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", entry.id(), entry.at(),
                    entry.action(), entry.targetType(), entry.targetId(), entry.detail());
        } catch (EmbeddedStoreException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            // Already logged (a retried request): the first entry stands.
        }
    }

    @Override
    public AuditPage list(String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        AuditCursors.Position after = AuditCursors.decode(cursor);
        // One row more than asked tells whether there is a next page.
        List<AuditEntry> rows = after == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
                EmbeddedAuditLog::toEntry, limit + 1)
                : jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE at < ? OR (at = ? AND id < ?)"
                + " ORDER BY at DESC, id DESC LIMIT ?", EmbeddedAuditLog::toEntry, after.at(), after.at(), after.id(),
                limit + 1);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(page, AuditCursors.encode(page.get(limit - 1)));
    }

    private static AuditEntry toEntry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getString("id"), Jdbc.instant(row, "at"), row.getString("action"),
                row.getString("target_type"), row.getString("target_id"), row.getString("detail"));
    }
}
