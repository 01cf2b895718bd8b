package dev.fxalert.core.port;

import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;

/**
 * @param pair   only this pair, or null for all
 * @param state  only this state, or null for all
 * @param cursor {@link AlertPage#nextCursor()} of the previous page, or null for the first
 * @param limit  page size, 1..100
 */
public record AlertQuery(CurrencyPair pair, AlertState state, String cursor, int limit) {
    public static final int MAX_LIMIT = 100;

    public AlertQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
