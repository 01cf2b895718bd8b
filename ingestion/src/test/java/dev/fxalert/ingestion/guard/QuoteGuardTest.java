package dev.fxalert.ingestion.guard;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.ingestion.testing.MutableClock;
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
