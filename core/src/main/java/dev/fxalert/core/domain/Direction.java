package dev.fxalert.core.domain;

import java.math.BigDecimal;

/** Which side of the threshold a person wants to hear about. */
public enum Direction {
    /** Fires when the rate reaches or exceeds the threshold. */
    ABOVE,
    /** Fires when the rate reaches or falls under the threshold. */
    BELOW;

    public boolean isCrossedBy(BigDecimal rate, BigDecimal threshold) {
        int cmp = rate.compareTo(threshold);
        return this == ABOVE ? cmp >= 0 : cmp <= 0;
    }

    /**
     * The rate beyond which a fired re-arm alert arms again: below {@code threshold - band} for ABOVE,
     * above {@code threshold + band} for BELOW. Stored, so the store can range-query it.
     */
    public BigDecimal rearmBoundary(BigDecimal threshold, BigDecimal band) {
        return Numbers.normalize(this == ABOVE ? threshold.subtract(band) : threshold.add(band));
    }

    /** True when {@code rate} is strictly beyond the re-arm boundary (back on the "not crossed" side). */
    public boolean isRearmedBy(BigDecimal rate, BigDecimal rearmBoundary) {
        int cmp = rate.compareTo(rearmBoundary);
        return this == ABOVE ? cmp < 0 : cmp > 0;
    }
}
