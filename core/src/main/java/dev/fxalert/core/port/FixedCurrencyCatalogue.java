package dev.fxalert.core.port;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link CurrencyCatalogue#of}: the union of fixed per-source lists, indexed by currency once. */
final class FixedCurrencyCatalogue implements CurrencyCatalogue {

    private final Map<String, List<String>> sourcesByCurrency;
    private final SortedSet<String> all;

    FixedCurrencyCatalogue(Map<String, ? extends Collection<String>> currenciesBySource) {
        Map<String, List<String>> index = new TreeMap<>();
        currenciesBySource.forEach((source, codes) -> codes.forEach(code -> {
            List<String> sources = index.computeIfAbsent(code.toUpperCase(Locale.ROOT), c -> new ArrayList<>());
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }));
        index.replaceAll((code, sources) -> List.copyOf(sources));
        this.sourcesByCurrency = Collections.unmodifiableMap(index);
        this.all = Collections.unmodifiableSortedSet(new TreeSet<>(index.keySet()));
    }

    @Override
    public SortedSet<String> all() {
        return all;
    }

    @Override
    public List<String> sources(String currency) {
        return currency == null ? List.of()
                : sourcesByCurrency.getOrDefault(currency.toUpperCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
        return "CurrencyCatalogue" + sourcesByCurrency;
    }
}
