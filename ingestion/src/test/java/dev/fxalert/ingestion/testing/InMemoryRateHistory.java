package dev.fxalert.ingestion.testing;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.port.RateHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rate history as a map, with the port's semantics (same event id appended twice keeps one). */
public final class InMemoryRateHistory implements RateHistory {

    private final Map<String, Rate> byEventId = new LinkedHashMap<>();
    private final Map<CurrencyPair, Instant> interest = new HashMap<>();

    @Override
    public void append(Rate rate, String eventId) {
        byEventId.putIfAbsent(eventId, rate);
    }

    @Override
    public Optional<Entry> latestEntry(CurrencyPair pair, RateKind kind) {
        // Newest observation; among equal ones the last appended (the map keeps append order).
        Entry latest = null;
        for (Map.Entry<String, Rate> appended : byEventId.entrySet()) {
            Rate rate = appended.getValue();
            if (rate.pair().equals(pair) && rate.kind() == kind && (latest == null || !rate.observedAt().isBefore(latest.rate().observedAt()))) {
                latest = new Entry(rate, appended.getKey());
            }
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public Optional<Rate> atOrBefore(CurrencyPair pair, Instant at) {
        Rate found = null;
        for (Rate rate : byEventId.values()) {
            if (rate.pair().equals(pair) && !rate.observedAt().isAfter(at)
                    && (found == null || !rate.observedAt().isBefore(found.observedAt()))) {
                found = rate;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public List<Rate> recent(CurrencyPair pair, Instant since, int limit) {
        return byEventId.values().stream()
                .filter(r -> r.pair().equals(pair) && r.kind() == RateKind.MID && !r.observedAt().isBefore(since))
                .sorted(Comparator.comparing(Rate::observedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Rate> between(CurrencyPair pair, Instant from, Instant to) {
        // Stable sort: equal observation times stay in append order.
        return byEventId.values().stream()
                .filter(r -> r.pair().equals(pair) && !r.observedAt().isBefore(from) && r.observedAt().isBefore(to))
                .sorted(Comparator.comparing(Rate::observedAt))
                .toList();
    }

    @Override
    public void recordInterest(CurrencyPair pair, Instant at) {
        interest.merge(pair, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public Set<CurrencyPair> pairsOfInterestSince(Instant since) {
        return interest.entrySet().stream().filter(e -> !e.getValue().isBefore(since))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    public Map<String, Rate> appended() {
        return byEventId;
    }

    public List<Rate> all() {
        return new ArrayList<>(byEventId.values());
    }
}
