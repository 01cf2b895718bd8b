package dev.fxalert.core.store;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.AuditEntry;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The paging cursor of {@code AuditLog.list}, the same for both stores: the last entry's time and id. */
public final class AuditCursors {

    private static final String VERSION = "a1";

    /** Where a page ended: continue with entries strictly older than ({@code at}, {@code id}). */
    public record Position(Instant at, String id) {
    }

    private AuditCursors() {
    }

    public static String encode(AuditEntry last) {
        return PageCursors.encode(VERSION, "*", last.at() + "|" + last.id());
    }

    /** Null for the first page. */
    public static Position decode(String cursor) {
        String position = PageCursors.decode(VERSION, "*", cursor, "The cursor is not one the audit log returned;"
                + " start again without a cursor, or pass the previous page's nextCursor.");
        if (position == null) {
            return null;
        }
        String[] parts = position.split("\\|", 2);
        try {
            return new Position(Instant.parse(parts[0]), parts[1]);
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException("The cursor is not one the audit log returned.");
        }
    }
}
