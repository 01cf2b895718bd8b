package dev.fxalert.core.port;

import java.util.List;

/** One page of the audit log, newest first. @param nextCursor null on the last page */
public record AuditPage(List<AuditEntry> items, String nextCursor) {
    public AuditPage {
        items = List.copyOf(items);
    }
}
