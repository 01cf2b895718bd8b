package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

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
            throw new InvalidInputException(Msg.THRESHOLD_MISSING);
        }
        Numbers.requireWithinBounds(threshold, "threshold"); // before anything writes it out or compares it
        if (threshold.signum() <= 0) {
            throw new InvalidInputException(Msg.THRESHOLD_NOT_POSITIVE, threshold.toPlainString());
        }
        if (threshold.compareTo(MAX) > 0) {
            throw new InvalidInputException(Msg.THRESHOLD_TOO_LARGE, threshold.toPlainString());
        }
        BigDecimal normalized = Numbers.normalize(threshold);
        if (normalized.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidInputException(Msg.THRESHOLD_TOO_MANY_DECIMALS, MAX_FRACTION_DIGITS);
        }
        return normalized;
    }
}
