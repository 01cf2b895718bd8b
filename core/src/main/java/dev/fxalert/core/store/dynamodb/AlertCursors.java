package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of {@code list(AlertQuery)}: the id of the last alert of the previous page, encoded. */
final class AlertCursors {

    private static final String PREFIX = "after:";

    private AlertCursors() {
    }

    static String encode(String lastAlertId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastAlertId).getBytes(StandardCharsets.UTF_8));
    }

    /** The alert id to continue after, or null for the first page. */
    static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX) && text.length() > PREFIX.length()) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through to the specific error
        }
        throw new InvalidInputException("The cursor '" + cursor + "' is not one this listing returned.");
    }
}
