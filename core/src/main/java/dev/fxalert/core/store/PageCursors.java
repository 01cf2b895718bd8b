package dev.fxalert.core.store;

import dev.fxalert.core.domain.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The one opaque paging cursor of the operator listings, the same for both stores: base64url of a version, the
 * listing's filter and the position to continue after, plus a check value over all three. The check value is a
 * truncated SHA-256, not a secret-keyed MAC: the listings are behind the admin token already, and a cursor must work
 * on every Lambda container, so it proves only that the cursor is one a store issued, unedited, for this same listing
 * and filter. A cursor that is not gets {@link InvalidInputException} (400 in the admin API).
 */
public final class PageCursors {

    private static final char SEPARATOR = '\n';
    private static final int CHECK_BYTES = 12;

    private PageCursors() {
    }

    /**
     * @param version  tells listings apart ({@code c1} alerts, {@code a1} audit), so one's cursor never fits another
     * @param filter   the listing's filter in a canonical text form
     * @param position where the page ended, not empty
     */
    public static String encode(String version, String filter, String position) {
        String payload = version + SEPARATOR + filter + SEPARATOR + position;
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        byte[] check = check(text);
        byte[] cursor = Arrays.copyOf(text, text.length + check.length);
        System.arraycopy(check, 0, cursor, text.length, check.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** The position to continue after, or null for no cursor; {@code refusal} is the 400 message of a bad one. */
    public static String decode(String version, String filter, String cursor, String refusal) {
        if (cursor == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length > CHECK_BYTES) {
                byte[] text = Arrays.copyOf(bytes, bytes.length - CHECK_BYTES);
                byte[] check = Arrays.copyOfRange(bytes, bytes.length - CHECK_BYTES, bytes.length);
                String[] parts = new String(text, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
                if (MessageDigest.isEqual(check, check(text)) && parts.length == 3 && parts[0].equals(version)
                        && parts[1].equals(filter) && !parts[2].isEmpty()) {
                    return parts[2];
                }
            }
        } catch (IllegalArgumentException notBase64) {
            // the same answer as any other cursor this listing did not issue
        }
        throw new InvalidInputException(refusal);
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
