package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateSources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RateSources} of the configured chain, derived from the rate history (no persisted provider status): a
 * source's newest table is the newest observation time among the latest stored rates it gave for the pairs
 * watched or asked about, and its {@link PublicationSchedule} says when the next can exist. Unchanged values are
 * not stored, so a source that republished the same numbers looks one table older than it is: at worst an
 * "overdue" shown for a source that is merely quiet. Reads one latest rate per watched pair per call: for
 * /sources and "no rate" replies, never per update.
 */
public final class ProviderSources implements RateSources {

    private final List<String> chain;
    private final CurrencyCatalogue catalogue;
    private final AlertStore alerts;
    private final RateHistory history;
    private final Duration interestWindow;
    private final Clock clock;

    public ProviderSources(List<String> chain, CurrencyCatalogue catalogue, AlertStore alerts, RateHistory history,
                           Duration interestWindow, Clock clock) {
        this.chain = List.copyOf(chain);
        this.catalogue = catalogue;
        this.alerts = alerts;
        this.history = history;
        this.interestWindow = interestWindow;
        this.clock = clock;
    }

    /** For a configuration read from the environment. */
    public static ProviderSources of(IngestionConfig config, CurrencyCatalogue catalogue, AlertStore alerts,
                                     RateHistory history, Clock clock) {
        return new ProviderSources(config.providerNames(), catalogue, alerts, history, config.interestWindow(), clock);
    }

    @Override
    public List<Status> statuses() {
        Set<CurrencyPair> pairs = new HashSet<>(alerts.watchedPairs());
        pairs.addAll(history.pairsOfInterestSince(clock.instant().minus(interestWindow)));
        Map<String, Instant> newest = new HashMap<>();
        for (CurrencyPair pair : pairs) {
            history.latest(pair).ifPresent(rate -> newest.merge(rate.provider(), rate.observedAt(),
                    (a, b) -> a.isAfter(b) ? a : b));
        }
        Map<String, Integer> coverage = new HashMap<>();
        for (String code : catalogue.all()) {
            catalogue.sources(code).forEach(source -> coverage.merge(source, 1, Integer::sum));
        }
        return chain.stream().map(name -> {
            Optional<Instant> latest = Optional.ofNullable(newest.get(name));
            Optional<Instant> next = latest.flatMap(at -> PublicationSchedule.of(name).map(s -> s.nextAfter(at)));
            return new Status(name, cadence(name), coverage.getOrDefault(name, 0), latest, next);
        }).toList();
    }

    @Override
    public Cadence cadence(String source) {
        return Cadence.ofSource(source);
    }
}
