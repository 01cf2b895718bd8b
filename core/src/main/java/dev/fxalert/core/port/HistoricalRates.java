package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;

import java.time.LocalDate;
import java.util.List;

/** A provider's past rates, one per publication day: what fills a pair's chart before we watched it (issue 16). */
public interface HistoricalRates {

    /** The provider's name, recorded on every rate it gives (as {@link RateProvider#name()}). */
    String name();

    /** Whether it can answer for this pair at all (both codes in its catalogue): asking otherwise costs a failure. */
    boolean quotes(CurrencyPair pair);

    /**
     * The pair's rates published from {@code from} to {@code to} (both inclusive), oldest first.
     *
     * @throws RateProvider.FetchException when the provider cannot answer
     */
    List<Rate> daily(CurrencyPair pair, LocalDate from, LocalDate to);

    /** No source of past rates: charts show only what was fetched live. */
    static HistoricalRates none() {
        return NONE;
    }

    /** The one "no source" ({@link #none()}), so callers can tell "no source" from "the source lacks this pair". */
    HistoricalRates NONE = new HistoricalRates() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public boolean quotes(CurrencyPair pair) {
            return false;
        }

        @Override
        public List<Rate> daily(CurrencyPair pair, LocalDate from, LocalDate to) {
            return List.of();
        }
    };
}
