package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Decimal helpers shared by the domain; rates and thresholds are never {@code double}.
 * <p>
 * Bounds: no exchange rate, threshold or amount has more than {@value #MAX_INTEGER_DIGITS} digits before the point,
 * is smaller than 10^-{@value #MAX_FRACTION_MAGNITUDE}, or has more than {@value #MAX_PRECISION} significant digits
 * (what both stores keep). They are checked from the exponent and precision alone, before any arithmetic:
 * {@code new BigDecimal("1e999999999")} is cheap, but {@code toPlainString}, {@code setScale} or adding to it
 * builds a billion digits (OutOfMemoryError).
 */
public final class Numbers {

    public static final int MAX_INTEGER_DIGITS = 20;
    public static final int MAX_FRACTION_MAGNITUDE = 18;
    public static final int MAX_PRECISION = 38;
    /** Longer decimal text is not parsed at all; no number within the bounds needs more. */
    public static final int MAX_TEXT_LENGTH = 64;

    private Numbers() {
    }

    /** True when {@code value} is a number a rate, threshold or amount can be (see the class comment). */
    public static boolean isWithinBounds(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        int precision = value.precision();
        // digits before the point, as a long: precision - scale overflows int for scales near Integer.MIN_VALUE
        long integerDigits = (long) precision - value.scale();
        return precision <= MAX_PRECISION && integerDigits <= MAX_INTEGER_DIGITS
                && integerDigits > -MAX_FRACTION_MAGNITUDE;
    }

    /**
     * Parses decimal text; empty when it is longer than {@link #MAX_TEXT_LENGTH} or outside the bounds.
     *
     * @throws NumberFormatException when it is not a number at all
     */
    public static Optional<BigDecimal> parseBounded(String text) {
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(stripped);
        return isWithinBounds(value) ? Optional.of(value) : Optional.empty();
    }

    /** @throws InvalidInputException when {@code value} is outside the bounds, naming it in scientific notation */
    public static BigDecimal requireWithinBounds(BigDecimal value, String what) {
        if (!isWithinBounds(value)) {
            throw new InvalidInputException(Msg.NUMBER_OUT_OF_RANGE, what, abbreviated(value));
        }
        return value;
    }

    /** Removes trailing zeros but never returns scientific notation for whole numbers (1400, not 1.4E+3). */
    public static BigDecimal normalize(BigDecimal value) {
        requireWithinBounds(value, "number");
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code toString} (scientific notation, never a billion digits), cut to a length fit for a message. */
    private static String abbreviated(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
