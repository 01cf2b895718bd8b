package dev.fxalert.admin.alerts;

import java.util.List;

/** One page of {@code GET /admin/alerts}; pass {@code nextCursor} as {@code cursor} for the next, null on the last. */
public record AlertListView(List<AlertView> items, String nextCursor) {
}
