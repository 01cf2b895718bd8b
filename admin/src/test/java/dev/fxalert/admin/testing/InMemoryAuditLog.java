package dev.fxalert.admin.testing;

import dev.fxalert.core.port.AuditEntry;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.AuditPage;
import dev.fxalert.core.store.AuditCursors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An {@link AuditLog} in a list, for admin tests; pages and refuses cursors like the real stores. */
public final class InMemoryAuditLog implements AuditLog {

    private static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed();

    private final List<AuditEntry> entries = new ArrayList<>();

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized List<AuditEntry> entries() {
        return entries.stream().sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        if (entries.stream().noneMatch(e -> e.id().equals(entry.id()))) {
            entries.add(entry);
        }
    }

    @Override
    public synchronized AuditPage list(String cursor, int limit) {
        AuditCursors.Position after = AuditCursors.decode(cursor);
        List<AuditEntry> rows = entries.stream().sorted(NEWEST_FIRST)
                .filter(e -> after == null || e.at().isBefore(after.at())
                        || (e.at().equals(after.at()) && e.id().compareTo(after.id()) < 0))
                .limit(limit + 1L).toList();
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(page, AuditCursors.encode(page.get(limit - 1)));
    }
}
