package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.math.RoundingMode;

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

    /**
     * Issue 14: {@code base} moved by {@code percent} (+0.5 for 0.5% higher), rounded to the precision the pair is
     * quoted in: the decimals of {@code quote} (a rate as a provider gave it; at most 6 significant digits), never
     * fewer than {@code base} has, capped at {@link #MAX_FRACTION_DIGITS}.
     */
    public static BigDecimal movedBy(BigDecimal base, BigDecimal percent, BigDecimal quote) {
        BigDecimal factor = BigDecimal.ONE.add(percent.movePointLeft(2));
        return Numbers.normalize(base.multiply(factor).setScale(quotedScale(base, quote), RoundingMode.HALF_EVEN));
    }

    /** The decimals a number near {@code base} is written with when the pair is quoted like {@code quote}. */
    public static int quotedScale(BigDecimal base, BigDecimal quote) {
        int scale = Math.max(0, Numbers.normalize(base).scale());
        if (quote != null) {
            BigDecimal normalized = Numbers.normalize(quote);
            int integerDigits = normalized.precision() - normalized.scale();
            scale = Math.max(scale, Math.min(normalized.scale(), 6 - integerDigits));
        }
        return Math.min(scale, MAX_FRACTION_DIGITS);
    }
}
