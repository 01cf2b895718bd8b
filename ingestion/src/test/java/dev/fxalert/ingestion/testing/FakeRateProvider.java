package dev.fxalert.ingestion.testing;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.port.RateProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A provider whose quotes tests set per pair; records every call. */
public final class FakeRateProvider implements RateProvider {

    /** One call as the service made it. */
    public record Call(String base, Set<String> quotes) {
    }

    private final String name;
    private final Instant observedAt;
    private final Map<CurrencyPair, String> values = new HashMap<>();
    private final Map<CurrencyPair, Map<RateKind, String>> bankValues = new HashMap<>();
    private RuntimeException failure;
    public final List<Call> calls = new ArrayList<>();

    public FakeRateProvider(String name, Instant observedAt) {
        this.name = name;
        this.observedAt = observedAt;
    }

    /** Quotes {@code pair} (e.g. "USD/KRW") at {@code value}, as text exactly as given (may be garbage). */
    public FakeRateProvider quoting(String pair, String value) {
        values.put(CurrencyPair.parse(pair), value);
        return this;
    }

    /** Also gives a bank's rate of {@code kind} for {@code pair}, with the pair's mid quote (as Korea Eximbank). */
    public FakeRateProvider quotingBank(String pair, RateKind kind, String value) {
        bankValues.computeIfAbsent(CurrencyPair.parse(pair), p -> new HashMap<>()).put(kind, value);
        return this;
    }

    public FakeRateProvider failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Quote> fetch(String base, Set<String> quotes) {
        calls.add(new Call(base, new TreeSet<>(quotes)));
        if (failure != null) {
            throw failure;
        }
        List<Quote> result = new ArrayList<>();
        for (String quote : quotes) {
            CurrencyPair pair = CurrencyPair.of(base, quote);
            if (values.containsKey(pair)) {
                result.add(new Quote(pair, values.get(pair), observedAt));
            }
            bankValues.getOrDefault(pair, Map.of())
                    .forEach((kind, value) -> result.add(new Quote(pair, value, observedAt, kind)));
        }
        return result;
    }
}
