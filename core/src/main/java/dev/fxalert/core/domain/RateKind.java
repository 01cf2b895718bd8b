package dev.fxalert.core.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Which rate of a pair a number is. Almost every source gives one mid-market or reference rate ({@link #MID});
 * Korea Eximbank also gives, for each currency against KRW, what a bank pays you for it (TTB: {@link #BANK_BUY})
 * and what you pay a bank for it (TTS: {@link #BANK_SELL}). Each kind is its own series in the rate history, its own
 * {@link RateUpdated} and its own alerts ({@code /alert USD KRW above 1400 sell}); an alert on one kind is never
 * fired by another.
 */
public enum RateKind {
    /** The mid-market or reference rate: what every source gives and what an alert targets unless told. */
    MID,
    /** What a bank pays you per unit (Korea Eximbank's TTB, "telegraphic transfer buying"). */
    BANK_BUY,
    /** What you pay a bank per unit (Korea Eximbank's TTS, "telegraphic transfer selling"). */
    BANK_SELL;

    /**
     * The key of this kind's series of {@code pair}, where a store keys by pair: {@code USD/KRW} for {@link #MID}
     * (so every key written before kinds existed still means the mid rate), {@code USD/KRW#BANK_SELL} otherwise.
     */
    public String series(CurrencyPair pair) {
        return this == MID ? pair.toString() : pair + "#" + name();
    }

    /**
     * Whether this kind of rate can exist for {@code pair}: the mid rate always; a bank's rates only for a currency
     * against KRW (what a Korean bank pays or charges in won; Korea Eximbank publishes no other).
     */
    public boolean existsFor(CurrencyPair pair) {
        return this == MID || pair.quote().equals("KRW");
    }

    /** The word a user writes after an alert's threshold: {@code buy} or {@code sell}; empty for {@link #MID}. */
    public Optional<String> keyword() {
        return switch (this) {
            case MID -> Optional.empty();
            case BANK_BUY -> Optional.of("buy");
            case BANK_SELL -> Optional.of("sell");
        };
    }

    /** The kind a user's word names ({@code buy}, {@code sell}, any case); empty for any other word. */
    public static Optional<RateKind> ofKeyword(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (RateKind kind : values()) {
            if (kind.keyword().filter(lower::equals).isPresent()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
