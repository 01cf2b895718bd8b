package dev.fxalert.core.store.embedded;

import java.sql.SQLException;

/** A database error of the embedded store; carries the statement (never parameter values, which may be personal). */
public class EmbeddedStoreException extends RuntimeException {
    EmbeddedStoreException(String sql, SQLException cause) {
        super("embedded store failed (" + cause.getSQLState() + ") on: " + sql.strip().replaceAll("\\s+", " "), cause);
    }
}
