package dev.fxalert.admin.auth;

import dev.fxalert.core.config.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the operator's {@code Authorization: Bearer <token>} against {@code ADMIN_API_TOKEN}. Both sides are hashed
 * with SHA-256 first and compared with {@link MessageDigest#isEqual}, so the time taken tells nothing about how many
 * characters matched nor how long the token is. Only the digest of the token is kept.
 */
public final class AdminAuthenticator {

    public static final String TOKEN_VARIABLE = "ADMIN_API_TOKEN";
    private static final String BEARER = "bearer ";

    public enum Verdict {
        /** No token is configured: the admin API does not exist (404). */
        DISABLED,
        /** No bearer token was presented (401). */
        MISSING,
        /** A token was presented and it is not the configured one (401). */
        WRONG,
        ALLOWED
    }

    private final byte[] expectedDigest;

    private AdminAuthenticator(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    public static AdminAuthenticator from(Secrets secrets) {
        return of(secrets.optional(TOKEN_VARIABLE));
    }

    public static AdminAuthenticator of(Optional<String> token) {
        return new AdminAuthenticator(token.filter(t -> !t.isBlank()).map(AdminAuthenticator::sha256).orElse(null));
    }

    public boolean enabled() {
        return expectedDigest != null;
    }

    /** @param authorizationHeader the raw {@code Authorization} header value, or null */
    public Verdict check(String authorizationHeader) {
        if (!enabled()) {
            return Verdict.DISABLED;
        }
        if (authorizationHeader == null) {
            return Verdict.MISSING;
        }
        String header = authorizationHeader.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Verdict.MISSING;
        }
        String presented = header.substring(BEARER.length()).strip();
        if (presented.isEmpty()) {
            return Verdict.MISSING;
        }
        return MessageDigest.isEqual(expectedDigest, sha256(presented)) ? Verdict.ALLOWED : Verdict.WRONG;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Never prints the token, so logging this object by mistake leaks nothing. */
    @Override
    public String toString() {
        return "AdminAuthenticator[enabled=" + enabled() + "]";
    }
}
