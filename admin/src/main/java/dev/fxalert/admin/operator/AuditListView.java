package dev.fxalert.admin.operator;

import java.util.List;

/** One page of {@code GET /admin/audit}, newest first; pass {@code nextCursor} as {@code cursor}, null on the last. */
public record AuditListView(List<AuditEntryView> items, String nextCursor) {
}
