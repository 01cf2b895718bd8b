package dev.fxalert.ingestion.provider;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * A pair's rate crossed through a third currency from two quoted legs, for the providers that publish one table
 * against a single currency (Korea Exim against KRW, Open Exchange Rates against USD).
 */
final class CrossRate {

    /** Enough digits for any cross rate, few enough that the same inputs always print the same. */
    static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

    private CrossRate() {
    }

    /**
     * numerator / denominator. A leg {@code parse} cannot read (null), or a non-positive one, is passed on as
     * written, the numerator's first, so the quote guards reject it for what it is; nothing is divided by it.
     */
    static String of(String numerator, String denominator, Function<String, BigDecimal> parse) {
        BigDecimal top = parse.apply(numerator);
        BigDecimal bottom = parse.apply(denominator);
        if (top == null) {
            return numerator;
        }
        if (bottom == null) {
            return denominator;
        }
        if (top.signum() <= 0) {
            return top.toPlainString();
        }
        if (bottom.signum() <= 0) {
            return bottom.toPlainString();
        }
        return top.divide(bottom, PRECISION).toPlainString();
    }
}
