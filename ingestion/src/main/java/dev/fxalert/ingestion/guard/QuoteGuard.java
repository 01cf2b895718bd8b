package dev.fxalert.ingestion.guard;

import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.RateProvider.Quote;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Never fire on bad data: decides whether a provider's quote can be trusted. {@link #check} looks at the quote on its
 * own (present, numeric, positive, fresh); {@link #isSpike} and {@link #confirms} compare it with the last stored
 * rate and with another provider's quote.
 */
public final class QuoteGuard {

    private final Clock clock;
    private final Function<String, Duration> maxAgeOfProvider;
    private final BigDecimal spikeLimit;
    private final BigDecimal confirmationTolerance;

    /**
     * @param maxAgeOfProvider      the oldest quote each provider may give, by provider name
     * @param spikeLimit            fraction, e.g. 0.10 for 10%
     * @param confirmationTolerance fraction two providers' quotes may differ by and still agree
     */
    public QuoteGuard(Clock clock, Function<String, Duration> maxAgeOfProvider, BigDecimal spikeLimit,
                      BigDecimal confirmationTolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAgeOfProvider = Objects.requireNonNull(maxAgeOfProvider, "maxAgeOfProvider");
        this.spikeLimit = Objects.requireNonNull(spikeLimit, "spikeLimit");
        this.confirmationTolerance = Objects.requireNonNull(confirmationTolerance, "confirmationTolerance");
    }

    /** @param quote null when the provider did not quote the pair at all */
    public Verdict check(Quote quote, String provider) {
        if (quote == null || quote.value() == null || quote.value().isBlank()) {
            return new Verdict.Rejected(RejectionReason.MISSING, "no value");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(quote.value().strip());
        } catch (NumberFormatException e) {
            return new Verdict.Rejected(RejectionReason.NON_NUMERIC, "value '" + abbreviate(quote.value()) + "'");
        }
        if (value.signum() <= 0) {
            return new Verdict.Rejected(RejectionReason.NON_POSITIVE, "value " + value.toPlainString());
        }
        Duration maxAge = maxAgeOfProvider.apply(provider);
        Instant oldestTrusted = clock.instant().minus(maxAge);
        if (quote.observedAt().isBefore(oldestTrusted)) {
            return new Verdict.Rejected(RejectionReason.STALE,
                    "observed " + quote.observedAt() + ", older than " + maxAge.toHours() + "h");
        }
        return new Verdict.Valid(new Rate(quote.pair(), value, provider, quote.observedAt()));
    }

    /** True when {@code candidate} moved more than the spike limit from the last stored rate (none: never a spike). */
    public boolean isSpike(Rate candidate, Optional<Rate> lastStored) {
        return lastStored.map(last -> relativeDifference(candidate.value(), last.value()).compareTo(spikeLimit) > 0)
                .orElse(false);
    }

    /** True when {@code other}, from another provider, is within the confirmation tolerance of {@code quarantined}. */
    public boolean confirms(Rate other, Rate quarantined) {
        return !other.provider().equals(quarantined.provider())
                && relativeDifference(other.value(), quarantined.value()).compareTo(confirmationTolerance) <= 0;
    }

    private static BigDecimal relativeDifference(BigDecimal value, BigDecimal reference) {
        return value.subtract(reference).abs().divide(reference, MathContext.DECIMAL64);
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
