package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Which currencies the configured rate sources quote, and which source quotes which: the union of the providers'
 * own currency lists. It decides what {@code /alert} accepts (an alert nobody can quote would never fire) and what
 * {@code /currencies} lists. Answers come from memory, never from the network, so every command can ask.
 */
public interface CurrencyCatalogue {

    /** Every ISO code at least one source quotes, sorted. */
    SortedSet<String> all();

    /** The names of the sources quoting {@code currency}, in failover order; empty when none does. */
    List<String> sources(String currency);

    default boolean supports(String currency) {
        return !sources(currency).isEmpty();
    }

    /** The sources quoting BOTH currencies of the pair, in failover order: a rate comes from one source. */
    default List<String> sources(CurrencyPair pair) {
        List<String> quotingQuote = sources(pair.quote());
        return sources(pair.base()).stream().filter(quotingQuote::contains).toList();
    }

    default boolean supports(CurrencyPair pair) {
        return !sources(pair).isEmpty();
    }

    /**
     * A fixed catalogue.
     *
     * @param currenciesBySource each source's codes, iterated in failover order (e.g. a {@link LinkedHashMap})
     */
    static CurrencyCatalogue of(Map<String, ? extends Collection<String>> currenciesBySource) {
        return new FixedCurrencyCatalogue(currenciesBySource);
    }
}
