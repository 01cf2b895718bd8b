package dev.fxalert.core.domain;

import java.math.BigDecimal;

/** Decimal helpers shared by the domain; rates and thresholds are never {@code double}. */
public final class Numbers {

    private Numbers() {
    }

    /** Removes trailing zeros but never returns scientific notation for whole numbers (1400, not 1.4E+3). */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
