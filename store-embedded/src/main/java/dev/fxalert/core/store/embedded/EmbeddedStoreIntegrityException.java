package dev.fxalert.core.store.embedded;

/**
 * The database file cannot be used as it is: in use by another process, damaged, or rolled back to older data.
 * The message is one line naming the file and what to do; the start stops on it rather than run on a wrong file.
 */
public final class EmbeddedStoreIntegrityException extends RuntimeException {
    EmbeddedStoreIntegrityException(String message, Throwable cause) {
        super(message.replaceAll("\\s*\\R\\s*", " "), cause);
    }
}
