package dev.fxalert.ingestion.guard;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteGuardTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private final QuoteGuard guard = new QuoteGuard(clock,
            provider -> Map.of("daily", Duration.ofHours(48)).getOrDefault(provider, Duration.ofHours(1)),
            new BigDecimal("0.10"), new BigDecimal("0.01"));

    @Test
    void acceptsAFreshPositiveNumber() {
        Verdict verdict = guard.check(quote("1392.50", "2026-11-24T03:00:00Z"), "daily");

        assertThat(verdict).isEqualTo(new Verdict.Valid(
                new Rate(USD_KRW, new BigDecimal("1392.5"), "daily", Instant.parse("2026-11-24T03:00:00Z"))));
    }

    @Test
    void rejectsAPairTheProviderDidNotQuote() {
        assertThat(reason(guard.check(null, "daily"))).isEqualTo(RejectionReason.MISSING);
        assertThat(reason(guard.check(quote(null, "2026-11-25T02:00:00Z"), "daily"))).isEqualTo(RejectionReason.MISSING);
        assertThat(reason(guard.check(quote(" ", "2026-11-25T02:00:00Z"), "daily"))).isEqualTo(RejectionReason.MISSING);
    }

    @ParameterizedTest
    @CsvSource({"n/a", "'1,392.5'", "NaN", "12abc", "-"})
    void rejectsWhatIsNotANumber(String value) {
        assertThat(reason(guard.check(quote(value, "2026-11-25T02:00:00Z"), "daily"))).isEqualTo(RejectionReason.NON_NUMERIC);
    }

    @ParameterizedTest
    @CsvSource({"0", "0.000", "-1392.5"})
    void rejectsZeroAndNegativeRates(String value) {
        assertThat(reason(guard.check(quote(value, "2026-11-25T02:00:00Z"), "daily"))).isEqualTo(RejectionReason.NON_POSITIVE);
    }

    @Test
    void rejectsAQuoteOlderThanItsProvidersCycleAllows() {
        Quote twoHoursOld = quote("1392.5", "2026-11-25T01:00:00Z");

        assertThat(guard.check(twoHoursOld, "daily")).isInstanceOf(Verdict.Valid.class);
        assertThat(reason(guard.check(twoHoursOld, "hourly"))).isEqualTo(RejectionReason.STALE);
    }

    @Test
    void flagsAMoveBeyondTheSpikeLimitFromTheLastStoredRate() {
        Optional<Rate> last = Optional.of(rate("1400", "daily"));

        assertThat(guard.isSpike(rate("1540", "daily"), last)).isFalse(); // exactly 10%
        assertThat(guard.isSpike(rate("1540.01", "daily"), last)).isTrue();
        assertThat(guard.isSpike(rate("1259.99", "daily"), last)).isTrue();
        assertThat(guard.isSpike(rate("9999", "daily"), Optional.empty())).isFalse();
    }

    @Test
    void confirmsAQuarantinedQuoteOnlyByAnotherProviderWithinTheTolerance() {
        Rate quarantined = rate("1600", "first");

        assertThat(guard.confirms(rate("1610", "second"), quarantined)).isTrue();
        assertThat(guard.confirms(rate("1620", "second"), quarantined)).isFalse();
        assertThat(guard.confirms(rate("1600", "first"), quarantined)).isFalse();
    }

    @Test
    void rejectsAQuoteObservedInTheFutureBeyondTheClockSkewAllowance() {
        assertThat(reason(guard.check(quote("1392.5", "2099-01-01T00:00:00Z"), "daily"))).isEqualTo(RejectionReason.FUTURE);
        assertThat(reason(guard.check(quote("1392.5", "2026-11-25T03:05:01Z"), "daily"))).isEqualTo(RejectionReason.FUTURE);
        // a provider's clock a little ahead of ours is not a future quote (default allowance: 5 minutes)
        assertThat(guard.check(quote("1392.5", "2026-11-25T03:05:00Z"), "daily")).isInstanceOf(Verdict.Valid.class);
    }

    @Test
    void theClockSkewAllowanceIsConfigurable() {
        QuoteGuard strict = new QuoteGuard(clock, provider -> Duration.ofHours(48), new BigDecimal("0.10"),
                new BigDecimal("0.01"), Duration.ZERO, ReferenceRates.shipped());

        assertThat(reason(strict.check(quote("1392.5", "2026-11-25T03:00:01Z"), "daily"))).isEqualTo(RejectionReason.FUTURE);
        assertThat(strict.check(quote("1392.5", "2026-11-25T03:00:00Z"), "daily")).isInstanceOf(Verdict.Valid.class);
    }

    @ParameterizedTest
    @CsvSource({"1e999999999", "1E+999999999", "1e-999999999", "-1e999999999", "123456789012345678901",
            "0.0000000000000000000001", "1.0000000000000000000000000000000000000001"})
    void rejectsNumbersNoRateCanBeBeforeAnyArithmetic(String value) {
        // new BigDecimal("1e999999999") is cheap; toPlainString, setScale or arithmetic on it is not (OOM)
        assertThat(reason(guard.check(quote(value, "2026-11-25T02:00:00Z"), "daily"))).isEqualTo(RejectionReason.OUT_OF_RANGE);
    }

    @Test
    void rejectsAnAbsurdlyLongValueWithoutParsingIt() {
        String longValue = "1" + "0".repeat(100_000);

        assertThat(reason(guard.check(quote(longValue, "2026-11-25T02:00:00Z"), "daily"))).isEqualTo(RejectionReason.OUT_OF_RANGE);
    }

    @Test
    void aPairsFirstQuoteMustBePlausibleAgainstTheReferenceTable() {
        CurrencyPair usdJpy = CurrencyPair.of("USD", "JPY");

        assertThat(guard.doubt(rate(usdJpy, "0.0000001"), Optional.empty()))
                .map(QuoteGuard.Doubt::reason).contains(RejectionReason.IMPLAUSIBLE);
        assertThat(guard.doubt(rate(usdJpy, "155.6"), Optional.empty())).isEmpty();
        assertThat(guard.doubt(rate(CurrencyPair.of("JPY", "USD"), "0.0064"), Optional.empty())).isEmpty();
        assertThat(guard.doubt(rate(CurrencyPair.of("EUR", "KRW"), "1690"), Optional.empty())).isEmpty();
        // with history, the spike limit decides, not the table
        assertThat(guard.doubt(rate(USD_KRW, "1540.01"), Optional.of(rate("1400", "daily"))))
                .map(QuoteGuard.Doubt::reason).contains(RejectionReason.SPIKE);
        assertThat(guard.doubt(rate(USD_KRW, "1420"), Optional.of(rate("1400", "daily")))).isEmpty();
    }

    @Test
    void theReferenceBandIsWideButNotOpen() {
        CurrencyPair usdKrw = USD_KRW; // reference about 1,400
        assertThat(guard.doubt(rate(usdKrw, "6000"), Optional.empty())).isEmpty();
        assertThat(guard.doubt(rate(usdKrw, "300"), Optional.empty())).isEmpty();
        assertThat(guard.doubt(rate(usdKrw, "14000"), Optional.empty())).isPresent();
        assertThat(guard.doubt(rate(usdKrw, "140"), Optional.empty())).isPresent();
    }

    private static Rate rate(CurrencyPair pair, String value) {
        return new Rate(pair, new BigDecimal(value), "daily", Instant.parse("2026-11-25T02:00:00Z"));
    }

    private static Quote quote(String value, String observedAt) {
        return new Quote(USD_KRW, value, Instant.parse(observedAt));
    }

    private static Rate rate(String value, String provider) {
        return new Rate(USD_KRW, new BigDecimal(value), provider, Instant.parse("2026-11-25T02:00:00Z"));
    }

    private static RejectionReason reason(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) verdict).reason();
    }
}
