package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An ordered pair of ISO 4217 currencies: one unit of {@code base} costs {@code rate} units of {@code quote}.
 */
public record CurrencyPair(String base, String quote) {

    private static final Set<String> ISO_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern SEPARATED = Pattern.compile("^\\s*([A-Za-z]{3})\\s*[/\\s-]\\s*([A-Za-z]{3})\\s*$");
    private static final Pattern JOINED = Pattern.compile("^\\s*([A-Za-z]{3})([A-Za-z]{3})\\s*$");

    public CurrencyPair {
        base = requireIsoCode(base);
        quote = requireIsoCode(quote);
        if (base.equals(quote)) {
            throw new InvalidInputException(Msg.PAIR_SAME_CURRENCY, base);
        }
    }

    public static CurrencyPair of(String base, String quote) {
        return new CurrencyPair(base, quote);
    }

    /** Accepts {@code USD KRW}, {@code USD/KRW}, {@code USD-KRW} and {@code usdkrw}. */
    public static CurrencyPair parse(String text) {
        Objects.requireNonNull(text, "text");
        var separated = SEPARATED.matcher(text);
        if (separated.matches()) {
            return new CurrencyPair(separated.group(1), separated.group(2));
        }
        var joined = JOINED.matcher(text);
        if (joined.matches()) {
            return new CurrencyPair(joined.group(1), joined.group(2));
        }
        throw new InvalidInputException(Msg.PAIR_INVALID, text.strip());
    }

    public static boolean isKnownCurrency(String code) {
        return code != null && ISO_CODES.contains(code.toUpperCase(Locale.ROOT));
    }

    public CurrencyPair inverse() {
        return new CurrencyPair(quote, base);
    }

    /** Canonical text form, also used as a storage key: {@code USD/KRW}. */
    @Override
    public String toString() {
        return base + "/" + quote;
    }

    private static String requireIsoCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(Msg.CURRENCY_MISSING);
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!ISO_CODES.contains(upper)) {
            throw new InvalidInputException(Msg.CURRENCY_INVALID, code.strip());
        }
        return upper;
    }
}
