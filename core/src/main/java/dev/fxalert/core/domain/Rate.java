package dev.fxalert.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One observed quote: one {@code pair.base()} costs {@code value} {@code pair.quote()}.
 *
 * @param kind which rate of the pair it is ({@link RateKind#MID} unless a bank's buying or selling rate)
 */
public record Rate(CurrencyPair pair, BigDecimal value, String provider, Instant observedAt, RateKind kind) {

    /** A mid-market or reference rate, what every source gives. */
    public Rate(CurrencyPair pair, BigDecimal value, String provider, Instant observedAt) {
        this(pair, value, provider, observedAt, RateKind.MID);
    }

    public Rate {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(observedAt, "observedAt");
        Numbers.requireWithinBounds(value, "rate"); // before the message below writes it out
        if (value.signum() <= 0) {
            throw new InvalidInputException("A rate must be positive, got " + value.toPlainString());
        }
        value = Numbers.normalize(value);
    }
}
