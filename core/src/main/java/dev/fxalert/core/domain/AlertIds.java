package dev.fxalert.core.domain;

import java.security.SecureRandom;

/** Short, typeable alert ids ("k3m9x2qa"): 8 characters of an alphabet without look-alikes, 40 bits. */
public final class AlertIds {

    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
    public static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /**
     * The id of the alert a command delivered as {@code deliveryId} creates: the same for every redelivery of
     * that command, so the store's idempotent create makes one alert. Same alphabet and length as {@link #next()}.
     */
    public static String derivedFrom(String deliveryId) {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(deliveryId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        bits = bits >>> 1;
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[(int) (bits % ALPHABET.length)];
            bits /= ALPHABET.length;
        }
        return new String(id);
    }

    /** Normalizes what a person typed; returns null when it cannot be an alert id. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String id = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (id.length() != LENGTH) {
            return null;
        }
        for (char c : id.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return null;
            }
        }
        return id;
    }
}
