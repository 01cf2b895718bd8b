package dev.fxalert.ingestion.provider;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Simulated rates for the local demo (FX_ALERT_DEMO), so a newcomer sees an alert fire within a minute: every
 * currency walks randomly around a realistic rate against the US dollar, one step every {@code tick}, and
 * cross rates follow from those. Every rate it gives carries the provider name {@value #NAME}, which the bot
 * shows next to each rate and in each push. Not a real source: only the local app's demo mode builds it (never
 * {@link dev.fxalert.ingestion.RateProviders}, so never a Lambda).
 * <p>
 * One step moves a currency by at most {@link #MAX_STEP} and pulls it back towards its anchor by
 * {@link #REVERSION} of the distance, so rates wander a fraction of a percent a minute and stay near reality
 * (far inside the quote guard's spike limit). Steps are counted from the clock, so a test with a manual clock and
 * a seeded random sees exactly the walk it expects.
 */
public final class DemoRateProvider implements RateProvider {

    public static final String NAME = "demo";
    static final BigDecimal MAX_STEP = new BigDecimal("0.0025");
    static final BigDecimal REVERSION = new BigDecimal("0.02");
    /** A process suspended for days does not replay every missed step. */
    private static final int MAX_CATCH_UP_STEPS = 1_000;
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final MathContext SHOWN = new MathContext(6, RoundingMode.HALF_EVEN);

    /** Units of each currency per US dollar, roughly as in late 2025. */
    static final Map<String, BigDecimal> ANCHORS = Map.ofEntries(
            Map.entry("USD", BigDecimal.ONE),
            Map.entry("EUR", new BigDecimal("0.865")), Map.entry("GBP", new BigDecimal("0.760")),
            Map.entry("JPY", new BigDecimal("155.5")), Map.entry("KRW", new BigDecimal("1465")),
            Map.entry("CNY", new BigDecimal("7.10")), Map.entry("CHF", new BigDecimal("0.805")),
            Map.entry("CAD", new BigDecimal("1.405")), Map.entry("AUD", new BigDecimal("1.545")),
            Map.entry("NZD", new BigDecimal("1.775")), Map.entry("SEK", new BigDecimal("9.50")),
            Map.entry("NOK", new BigDecimal("10.15")), Map.entry("DKK", new BigDecimal("6.46")),
            Map.entry("PLN", new BigDecimal("3.67")), Map.entry("CZK", new BigDecimal("20.9")),
            Map.entry("HUF", new BigDecimal("332")), Map.entry("SGD", new BigDecimal("1.305")),
            Map.entry("HKD", new BigDecimal("7.78")), Map.entry("INR", new BigDecimal("89.2")),
            Map.entry("THB", new BigDecimal("32.4")), Map.entry("IDR", new BigDecimal("16650")),
            Map.entry("MYR", new BigDecimal("4.15")), Map.entry("PHP", new BigDecimal("59.0")),
            Map.entry("TRY", new BigDecimal("42.4")), Map.entry("ZAR", new BigDecimal("17.3")),
            Map.entry("BRL", new BigDecimal("5.35")), Map.entry("MXN", new BigDecimal("18.4")),
            Map.entry("ILS", new BigDecimal("3.26")), Map.entry("ISK", new BigDecimal("127")),
            Map.entry("RON", new BigDecimal("4.40")), Map.entry("BGN", new BigDecimal("1.69")));

    private final Clock clock;
    private final Duration tick;
    private final RandomGenerator random;
    private final Instant start;
    /** Guarded by this: units per US dollar now, and how many steps they have taken. */
    private final Map<String, BigDecimal> perUsd = new HashMap<>(ANCHORS);
    private long steps;

    public DemoRateProvider(Clock clock, Duration tick, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tick = Objects.requireNonNull(tick, "tick");
        this.random = Objects.requireNonNull(random, "random");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("the demo's tick must be positive, got " + tick);
        }
        this.start = clock.instant();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized List<Quote> fetch(String base, Set<String> quotes) {
        Instant stepTime = walkToNow();
        BigDecimal baseRate = perUsd.get(base);
        List<Quote> result = new ArrayList<>();
        if (baseRate == null) {
            return result;
        }
        for (String quote : quotes) {
            BigDecimal quoteRate = perUsd.get(quote);
            if (quoteRate != null && !quote.equals(base)) {
                BigDecimal value = quoteRate.divide(baseRate, MATH).round(SHOWN).stripTrailingZeros();
                result.add(new Quote(CurrencyPair.of(base, quote), value.toPlainString(), stepTime));
            }
        }
        return result;
    }

    /** Takes the steps due by now; returns when the current step began (the quotes' observation time). */
    private Instant walkToNow() {
        long due = Math.max(0, Duration.between(start, clock.instant()).toMillis() / tick.toMillis());
        long missed = due - steps;
        for (long i = Math.max(0, missed - MAX_CATCH_UP_STEPS); i < missed; i++) {
            step();
        }
        steps = Math.max(steps, due);
        return start.plus(tick.multipliedBy(steps));
    }

    private void step() {
        perUsd.replaceAll((currency, rate) -> {
            if (currency.equals("USD")) {
                return rate;
            }
            // A uniform move in [-MAX_STEP, +MAX_STEP], in thousandths of it, plus the pull towards the anchor.
            BigDecimal move = MAX_STEP.multiply(BigDecimal.valueOf(random.nextInt(-1000, 1001)).movePointLeft(3));
            BigDecimal pull = REVERSION.multiply(ANCHORS.get(currency).divide(rate, MATH).subtract(BigDecimal.ONE));
            return rate.multiply(BigDecimal.ONE.add(move).add(pull), MATH);
        });
    }
}
