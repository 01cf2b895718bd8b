package dev.fxalert.bot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks Telegram's {@code X-Telegram-Bot-Api-Secret-Token} against the configured secret in constant time:
 * both are hashed first, so neither the content nor the length of the secret leaks through timing.
 */
final class WebhookSecret {

    private final byte[] expectedDigest;

    WebhookSecret(String expected) {
        if (expected == null || expected.isBlank()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.expectedDigest = sha256(expected);
    }

    boolean matches(String provided) {
        // A missing header is compared like any wrong value (the secret is never empty), so it takes the same time.
        return MessageDigest.isEqual(expectedDigest, sha256(provided == null ? "" : provided));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
