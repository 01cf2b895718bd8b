package dev.fxalert.core.port;

/**
 * The durable record of operator actions (pausing a user's alert, deactivating a user...), kept by the same backend as
 * the users and alerts so it survives restarts and is the same on every Lambda container. Entries are never changed
 * or removed by the application.
 */
public interface AuditLog {

    /** Stores the entry; idempotent by id. Safe to call concurrently: no entry is lost. */
    void append(AuditEntry entry);

    /**
     * Entries newest first (by time, then by id descending for entries of the same instant), at most {@code limit}.
     *
     * @param cursor null for the first page, else the previous page's {@link AuditPage#nextCursor()}; a cursor this
     *               log did not issue is refused with {@code InvalidInputException}
     */
    AuditPage list(String cursor, int limit);
}
