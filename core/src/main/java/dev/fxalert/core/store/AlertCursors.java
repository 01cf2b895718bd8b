package dev.fxalert.core.store;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.AlertQuery;

/**
 * The paging cursor of {@code AlertStore.list(AlertQuery)}, the same for both stores: a {@link PageCursors} cursor
 * holding the last alert id of the page and the filter it was issued for. A cursor that is not one a store issued
 * for this same filter gets {@link InvalidInputException} (400 in the admin API), never a silently different page.
 */
public final class AlertCursors {

    private static final String VERSION = "c1";

    private AlertCursors() {
    }

    /** The cursor of the page that ended with {@code lastAlertId} in the listing {@code query} asked for. */
    public static String encode(String lastAlertId, AlertQuery query) {
        return PageCursors.encode(VERSION, filter(query), lastAlertId);
    }

    /** The alert id to continue after, or null for the first page (no cursor). */
    public static String decode(AlertQuery query) {
        return PageCursors.decode(VERSION, filter(query), query.cursor(), "The cursor is not one this listing returned"
                + " for these filters; start again without a cursor, or pass the previous page's nextCursor with the"
                + " same pair and state.");
    }

    private static String filter(AlertQuery query) {
        return (query.pair() == null ? "*" : query.pair().toString()) + "|" + (query.state() == null ? "*" : query.state().name());
    }
}
