package dev.fxalert.ingestion.guard;

import dev.fxalert.core.domain.Numbers;
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
 * own (present, a number a rate can be, positive, fresh, not from the future); {@link #doubt} compares it with the
 * last stored rate (spike) or, for a pair's first quote, with the {@link ReferenceRates reference table}; and
 * {@link #confirms} with another provider's quote. A doubted quote is published only once another provider
 * confirms it.
 */
public final class QuoteGuard {

    /** How far ahead of our clock a provider's observation time may be (its clock, rounding) by default. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Function<String, Duration> maxAgeOfProvider;
    private final BigDecimal spikeLimit;
    private final BigDecimal confirmationTolerance;
    private final Duration clockSkew;
    private final ReferenceRates reference;

    /** Why a valid quote cannot be trusted without another provider's confirmation. */
    public record Doubt(RejectionReason reason, String detail) {
    }

    /** With the default clock-skew allowance and the shipped reference table. */
    public QuoteGuard(Clock clock, Function<String, Duration> maxAgeOfProvider, BigDecimal spikeLimit,
                      BigDecimal confirmationTolerance) {
        this(clock, maxAgeOfProvider, spikeLimit, confirmationTolerance, DEFAULT_CLOCK_SKEW, ReferenceRates.shipped());
    }

    /**
     * @param maxAgeOfProvider      the oldest quote each provider may give, by provider name
     * @param spikeLimit            fraction, e.g. 0.10 for 10%
     * @param confirmationTolerance fraction two providers' quotes may differ by and still agree
     * @param clockSkew             how far in the future a quote may be observed and still be trusted
     */
    public QuoteGuard(Clock clock, Function<String, Duration> maxAgeOfProvider, BigDecimal spikeLimit,
                      BigDecimal confirmationTolerance, Duration clockSkew, ReferenceRates reference) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAgeOfProvider = Objects.requireNonNull(maxAgeOfProvider, "maxAgeOfProvider");
        this.spikeLimit = Objects.requireNonNull(spikeLimit, "spikeLimit");
        this.confirmationTolerance = Objects.requireNonNull(confirmationTolerance, "confirmationTolerance");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.reference = Objects.requireNonNull(reference, "reference");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew cannot be negative");
        }
    }

    /** @param quote null when the provider did not quote the pair at all */
    public Verdict check(Quote quote, String provider) {
        if (quote == null || quote.value() == null || quote.value().isBlank()) {
            return new Verdict.Rejected(RejectionReason.MISSING, "no value");
        }
        BigDecimal value;
        try {
            // Bounded before any arithmetic: toPlainString or setScale of 1e999999999 runs out of memory.
            Optional<BigDecimal> bounded = Numbers.parseBounded(quote.value());
            if (bounded.isEmpty()) {
                return new Verdict.Rejected(RejectionReason.OUT_OF_RANGE, "value '" + abbreviate(quote.value())
                        + "' is no exchange rate (exponent, precision or length out of range)");
            }
            value = bounded.get();
        } catch (NumberFormatException e) {
            return new Verdict.Rejected(RejectionReason.NON_NUMERIC, "value '" + abbreviate(quote.value()) + "'");
        }
        if (value.signum() <= 0) {
            return new Verdict.Rejected(RejectionReason.NON_POSITIVE, "value " + value.toPlainString());
        }
        Instant now = clock.instant();
        if (quote.observedAt().isAfter(now.plus(clockSkew))) {
            return new Verdict.Rejected(RejectionReason.FUTURE,
                    "observed " + quote.observedAt() + ", later than now (" + now + ") plus " + clockSkew);
        }
        Duration maxAge = maxAgeOfProvider.apply(provider);
        Instant oldestTrusted = now.minus(maxAge);
        if (quote.observedAt().isBefore(oldestTrusted)) {
            return new Verdict.Rejected(RejectionReason.STALE,
                    "observed " + quote.observedAt() + ", older than " + maxAge.toHours() + "h");
        }
        return new Verdict.Valid(new Rate(quote.pair(), value, provider, quote.observedAt(), quote.kind()));
    }

    /**
     * Empty when {@code candidate} can be trusted on its own; otherwise why another provider must confirm it: a
     * spike from the last stored rate, or, for a pair's first quote, a value outside the reference band.
     */
    public Optional<Doubt> doubt(Rate candidate, Optional<Rate> lastStored) {
        if (lastStored.isPresent()) {
            return isSpike(candidate, lastStored)
                    ? Optional.of(new Doubt(RejectionReason.SPIKE, "more than the spike limit from the last stored rate "
                    + lastStored.get().value().toPlainString()))
                    : Optional.empty();
        }
        if (reference.plausible(candidate.pair(), candidate.value())) {
            return Optional.empty();
        }
        return Optional.of(new Doubt(RejectionReason.IMPLAUSIBLE, reference.of(candidate.pair())
                .map(r -> "first quote of the pair, more than " + ReferenceRates.BAND + "x off the reference "
                        + r.round(new MathContext(3)).toPlainString())
                .orElse("first quote of the pair, and the reference table does not list both currencies")));
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
