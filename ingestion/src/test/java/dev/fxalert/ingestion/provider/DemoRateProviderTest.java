package dev.fxalert.ingestion.provider;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRateProviderTest {

    private static final Duration TICK = Duration.ofSeconds(5);
    private final MutableClock clock = MutableClock.at("2026-11-25T09:00:00Z");
    private final DemoRateProvider demo = new DemoRateProvider(clock, TICK, new SplittableRandom(42));

    private BigDecimal rate(String base, String quote) {
        List<Quote> quotes = demo.fetch(base, Set.of(quote));
        assertThat(quotes).hasSize(1);
        return new BigDecimal(quotes.get(0).value());
    }

    @Test
    void startsAtRealisticRatesUnderItsOwnName() {
        List<Quote> quotes = demo.fetch("USD", Set.of("KRW", "EUR", "XAU"));

        assertThat(demo.name()).isEqualTo("demo");
        assertThat(quotes).extracting(Quote::pair)
                .as("a currency the demo does not know is absent, as with a real provider")
                .containsExactlyInAnyOrder(CurrencyPair.of("USD", "KRW"), CurrencyPair.of("USD", "EUR"));
        assertThat(rate("USD", "KRW")).isEqualByComparingTo("1465");
        assertThat(quotes).extracting(Quote::observedAt).containsOnly(clock.instant());
    }

    @Test
    void movesOncePerTickAndNotBetween() {
        BigDecimal first = rate("USD", "KRW");

        clock.advance(TICK.minusMillis(1));
        assertThat(rate("USD", "KRW")).as("same step").isEqualByComparingTo(first);

        clock.advance(Duration.ofMillis(1));
        List<Quote> next = demo.fetch("USD", Set.of("KRW"));
        assertThat(new BigDecimal(next.get(0).value())).as("next step").isNotEqualByComparingTo(first);
        assertThat(next.get(0).observedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:05Z"));
    }

    @Test
    void wandersWithinAFewPercentOfTheAnchorOverAnHour() {
        BigDecimal previous = rate("USD", "KRW");
        BigDecimal low = previous;
        BigDecimal high = previous;
        for (int i = 0; i < 720; i++) {
            clock.advance(TICK);
            BigDecimal now = rate("USD", "KRW");
            assertThat(now.subtract(previous).abs()).as("one step stays far inside the 10%% spike limit")
                    .isLessThan(previous.movePointLeft(2));
            low = low.min(now);
            high = high.max(now);
            previous = now;
        }

        assertThat(high.subtract(low)).as("it does move").isGreaterThan(new BigDecimal("5"));
        assertThat(low).isGreaterThan(new BigDecimal("1465").multiply(new BigDecimal("0.95")));
        assertThat(high).isLessThan(new BigDecimal("1465").multiply(new BigDecimal("1.05")));
    }

    @Test
    void crossRatesAgreeWithTheDollarRates() {
        clock.advance(TICK.multipliedBy(30));

        BigDecimal eurKrw = rate("EUR", "KRW");
        BigDecimal viaUsd = rate("USD", "KRW").divide(rate("USD", "EUR"), MathContext.DECIMAL64);

        assertThat(eurKrw.subtract(viaUsd).abs()).isLessThan(eurKrw.movePointLeft(4));
    }
}
