package dev.fxalert.core.domain;

import java.math.BigDecimal;

/** What a threshold may be: positive, and a number a currency rate could plausibly reach. */
public final class Thresholds {

    /** No currency trades anywhere near this against another; larger input is a typo. */
    public static final BigDecimal MAX = new BigDecimal("1000000000");
    public static final int MAX_FRACTION_DIGITS = 8;

    private Thresholds() {
    }

    public static BigDecimal requireValid(BigDecimal threshold) {
        if (threshold == null) {
            throw new InvalidInputException("The threshold is missing. Example: /alert USD KRW above 1400");
        }
        Numbers.requireWithinBounds(threshold, "threshold"); // before anything writes it out or compares it
        if (threshold.signum() <= 0) {
            throw new InvalidInputException("The threshold must be greater than 0, got " + threshold.toPlainString() + ".");
        }
        if (threshold.compareTo(MAX) > 0) {
            throw new InvalidInputException("The threshold " + threshold.toPlainString() + " is too large; the maximum is 1,000,000,000.");
        }
        BigDecimal normalized = Numbers.normalize(threshold);
        if (normalized.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidInputException("The threshold has too many decimals; at most " + MAX_FRACTION_DIGITS + " are allowed.");
        }
        return normalized;
    }
}
