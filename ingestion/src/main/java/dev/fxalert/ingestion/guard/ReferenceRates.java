package dev.fxalert.ingestion.guard;

import dev.fxalert.core.domain.CurrencyPair;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Rough magnitudes of every listed currency against the US dollar, shipped with the code
 * ({@code reference-rates.properties}): enough to tell that USD/JPY is about 150 and not 0.0000001, when a pair has
 * no history yet to compare a quote with. The band is wide on purpose (×/÷ {@value #BAND}): it catches wrong
 * magnitudes (inverted pairs, missing per-100 units, garbage), not market moves.
 */
public final class ReferenceRates {

    /** A first quote may be this many times above or below the reference and still be plausible. */
    public static final int BAND = 5;
    private static final String RESOURCE = "reference-rates.properties";
    private static final ReferenceRates SHIPPED = load();

    private final Map<String, BigDecimal> perUsd;

    /** @param perUsd units of each currency per 1 USD */
    public ReferenceRates(Map<String, BigDecimal> perUsd) {
        this.perUsd = Map.copyOf(Objects.requireNonNull(perUsd, "perUsd"));
    }

    /** The table shipped as a resource next to this class. */
    public static ReferenceRates shipped() {
        return SHIPPED;
    }

    /** About how many {@code pair.quote()} one {@code pair.base()} costs; empty when either is not listed. */
    public Optional<BigDecimal> of(CurrencyPair pair) {
        BigDecimal base = perUsd.get(pair.base());
        BigDecimal quote = perUsd.get(pair.quote());
        if (base == null || quote == null) {
            return Optional.empty();
        }
        return Optional.of(quote.divide(base, MathContext.DECIMAL64));
    }

    /** True when {@code value} lies within ×/÷ {@link #BAND} of the reference; false when there is none. */
    public boolean plausible(CurrencyPair pair, BigDecimal value) {
        return of(pair).map(reference -> value.compareTo(reference.multiply(BigDecimal.valueOf(BAND))) <= 0
                        && value.multiply(BigDecimal.valueOf(BAND)).compareTo(reference) >= 0)
                .orElse(false);
    }

    private static ReferenceRates load() {
        try (InputStream in = ReferenceRates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, BigDecimal> perUsd = new HashMap<>();
            properties.forEach((code, value) -> perUsd.put(code.toString().strip().toUpperCase(Locale.ROOT),
                    new BigDecimal(value.toString().strip())));
            return new ReferenceRates(perUsd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
