package dev.fxalert.admin.alerts;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.AlertPage;
import dev.fxalert.core.port.AlertQuery;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.OperatorAlerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code GET /admin/alerts} and {@code GET /admin/alerts/dead-letters}: reads the raw query parameters, so the Lambda router and the Spring controller validate
 * them identically, and pages through {@link AlertStore#list(AlertQuery)}.
 */
public final class AlertListing {

    public static final int DEFAULT_LIMIT = 20;

    private final OperatorAlerts alerts;

    public AlertListing(OperatorAlerts alerts) {
        this.alerts = alerts;
    }

    /** All parameters optional (null or blank means absent). */
    public AlertListView list(String pair, String state, String cursor, String limit) {
        AlertQuery query = new AlertQuery(parsePair(pair), parseState(state), blankToNull(cursor), parseLimit(limit));
        // Stores refuse a cursor they did not issue, edited, or issued for other filters (InvalidInputException: 400).
        AlertPage page = alerts.list(query);
        return new AlertListView(page.items().stream().map(AlertView::of).toList(), page.nextCursor());
    }

    /**
     * {@code GET /admin/alerts/dead-letters}: pushes given up with a reason (permanent 400, unknown outcome, every
     * round failed), most recent firing first, at most {@code limit} (no paging: this list should stay short).
     */
    public AlertListView deadLetters(String limit) {
        return new AlertListView(alerts.findDeadLetters(parseLimit(limit)).stream().map(AlertView::of).toList(), null);
    }

    private static CurrencyPair parsePair(String pair) {
        return blankToNull(pair) == null ? null : CurrencyPair.parse(pair);
    }

    private static AlertState parseState(String state) {
        if (blankToNull(state) == null) {
            return null;
        }
        try {
            return AlertState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminProblem.badRequest("'" + state.strip() + "' is not an alert state; use one of "
                    + Arrays.stream(AlertState.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    /** The {@code limit} query parameter of every admin listing: 1 to {@link AlertQuery#MAX_LIMIT}, default {@link #DEFAULT_LIMIT}. */
    public static int parseLimit(String limit) {
        if (blankToNull(limit) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= AlertQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as an out-of-range number
        }
        throw AdminProblem.badRequest("limit must be a whole number from 1 to " + AlertQuery.MAX_LIMIT + ", got '" + limit.strip() + "'.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
