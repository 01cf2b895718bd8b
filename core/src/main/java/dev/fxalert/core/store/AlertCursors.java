package dev.fxalert.core.store;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.AlertQuery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The paging cursor of {@code AlertStore.list(AlertQuery)}, the same for both stores: base64url of the last alert id
 * of the page, the filter it was issued for and a check value over both. The check value is a truncated SHA-256, not
 * a secret-keyed MAC: the listing is behind the admin token already, and a cursor must work on every Lambda container,
 * so it proves only that the cursor is one a store issued, unedited, for this same filter. A cursor that is not gets
 * {@link InvalidInputException} (400 in the admin API), never a silently different page.
 */
public final class AlertCursors {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\n';
    private static final int CHECK_BYTES = 12;

    private AlertCursors() {
    }

    /** The cursor of the page that ended with {@code lastAlertId} in the listing {@code query} asked for. */
    public static String encode(String lastAlertId, AlertQuery query) {
        String payload = VERSION + SEPARATOR + filter(query) + SEPARATOR + lastAlertId;
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        byte[] check = check(text);
        byte[] cursor = Arrays.copyOf(text, text.length + check.length);
        System.arraycopy(check, 0, cursor, text.length, check.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** The alert id to continue after, or null for the first page (no cursor). */
    public static String decode(AlertQuery query) {
        String cursor = query.cursor();
        if (cursor == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length > CHECK_BYTES) {
                byte[] text = Arrays.copyOf(bytes, bytes.length - CHECK_BYTES);
                byte[] check = Arrays.copyOfRange(bytes, bytes.length - CHECK_BYTES, bytes.length);
                String[] parts = new String(text, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
                if (MessageDigest.isEqual(check, check(text)) && parts.length == 3 && parts[0].equals(VERSION)
                        && parts[1].equals(filter(query)) && !parts[2].isEmpty()) {
                    return parts[2];
                }
            }
        } catch (IllegalArgumentException notBase64) {
            // the same answer as any other cursor this listing did not issue
        }
        throw new InvalidInputException("The cursor is not one this listing returned for these filters; start again"
                + " without a cursor, or pass the previous page's nextCursor with the same pair and state.");
    }

    private static String filter(AlertQuery query) {
        return (query.pair() == null ? "*" : query.pair().toString()) + "|" + (query.state() == null ? "*" : query.state().name());
    }

    private static byte[] check(byte[] text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("fx-alert alert cursor".getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha256.digest(text), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
