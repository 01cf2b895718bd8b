package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.WatchedPairs;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateEventPublisher;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.core.port.RateProvider.FetchException;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.ingestion.guard.QuoteGuard;
import dev.fxalert.ingestion.guard.ReferenceRates;
import dev.fxalert.ingestion.guard.RejectionReason;
import dev.fxalert.ingestion.guard.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One ingestion run: fetch the pairs someone watches, keep only trustworthy quotes, publish one {@link RateUpdated}
 * per changed pair, and remember what was published in the rate history.
 * <p>
 * Pairs are grouped by base currency so each provider is called at most once per base per run; the providers form
 * a failover chain in the configured order: a pair goes to the next provider only when the ones before could not
 * give a trustworthy quote for it. A quote that jumps more than the spike limit, or a pair's first quote that is
 * off the reference table, is held back until a second provider confirms it (see {@link QuoteGuard}). A rejected
 * quote is logged with its {@link RejectionReason}, never published, never appended, so never the "latest".
 * <p>
 * A provider that also gives a bank's buying and selling rates of a pair (Korea Eximbank's TTB/TTS, {@link RateKind})
 * has them taken along with its mid rate of that pair, and only when that mid rate is trusted: they must be valid
 * quotes on their own and within the spike limit of that mid rate. Each kind is its own series: its own latest
 * rate, its own "unchanged" test, its own {@link RateUpdated}.
 * <p>
 * Events are published before they are appended to the history: if appending fails, the next run publishes the
 * same quote again under the same event id (the quote chained on the same latest history entry), which consumers
 * recognise; the other order could lose an event for good.
 */
public final class IngestionService implements RateLookup {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    private static final Comparator<CurrencyPair> BY_NAME = Comparator.comparing(CurrencyPair::toString);

    private final List<RateProvider> providers;
    private final WatchedPairs alerts;
    private final RateHistory history;
    private final RateEventPublisher publisher;
    private final Clock clock;
    private final IngestionConfig config;
    private final QuoteGuard guard;
    /** The newest trusted table seen per pair, stored or not (an unchanged value is not stored). */
    private final Map<CurrencyPair, Seen> seen = new ConcurrentHashMap<>();
    /** When each pair was last asked, for the hourly retries once a publication is overdue. */
    private final Map<CurrencyPair, Instant> askedAt = new ConcurrentHashMap<>();

    /** How long after a table is due we ask on every run. */
    static final Duration RETRY_WINDOW = Duration.ofHours(2);
    /** How often we ask once a table is overdue by more than {@link #RETRY_WINDOW}. */
    static final Duration LATE_RETRY_EVERY = Duration.ofHours(1);

    private record Seen(String provider, Instant observedAt) {
    }

    /** @param providers the failover chain, in order */
    public IngestionService(List<RateProvider> providers, WatchedPairs alerts, RateHistory history,
                            RateEventPublisher publisher, Clock clock, IngestionConfig config) {
        this.providers = List.copyOf(providers);
        if (this.providers.isEmpty()) {
            throw new IllegalArgumentException("at least one rate provider is needed");
        }
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.history = Objects.requireNonNull(history, "history");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.guard = new QuoteGuard(clock, config::maxQuoteAge, config.spikeLimit(), config.confirmationTolerance(),
                config.quoteClockSkew(), ReferenceRates.shipped());
    }

    public IngestionSummary runOnce() {
        Instant startedAt = clock.instant();
        RunStats stats = new RunStats(providerNames());
        LastRates last = new LastRates(history);
        Set<CurrencyPair> watched = pairsToFetch(startedAt);
        Set<CurrencyPair> pairs = config.scheduleByPublication() ? due(watched, startedAt, last) : watched;
        if (pairs.size() < watched.size()) {
            log.debug("{} of {} pairs not due: no newer table can exist yet", watched.size() - pairs.size(), watched.size());
        }
        if (!pairs.isEmpty()) {
            refreshCurrencyLists();
        }

        List<Rate> trusted = new ArrayList<>();
        groupByBaseAndChain(pairs).forEach((group, quotes) ->
                trusted.addAll(resolve(group.base(), quotes, group.chain(), last, stats)));
        pairs.forEach(pair -> askedAt.put(pair, startedAt));
        trusted.stream().filter(rate -> rate.kind() == RateKind.MID)
                .forEach(rate -> seen.merge(rate.pair(), new Seen(rate.provider(), rate.observedAt()),
                        (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a));

        List<RateUpdated> events = new ArrayList<>();
        int unchanged = 0;
        for (Rate rate : trusted) {
            Optional<RateHistory.Entry> previous = last.entryOf(rate.pair(), rate.kind());
            if (previous.isPresent() && previous.get().rate().value().compareTo(rate.value()) == 0) {
                unchanged++;
                continue;
            }
            // Chained on the event it follows, so the id names this publication (see RateUpdated.eventIdOf).
            events.add(RateUpdated.of(rate, previous.map(entry -> entry.rate().value()).orElse(null),
                    previous.map(RateHistory.Entry::eventId).orElse(null)));
        }

        Set<String> notPublished = publish(events);
        int published = 0;
        for (RateUpdated event : events) {
            if (!notPublished.contains(event.eventId())) {
                published++;
                appendToHistory(event);
            }
        }
        return stats.summary(startedAt, clock.instant(), pairs.size(), trusted.size(), published, unchanged,
                notPublished.size());
    }

    /** The bot's /rate when history is stale: same chain, same guards, nothing published or stored. */
    @Override
    public Optional<Rate> current(CurrencyPair pair) {
        RunStats stats = new RunStats(providerNames());
        SortedSet<String> quote = new TreeSet<>(Set.of(pair.quote()));
        return resolve(pair.base(), quote, chainFor(pair), new LastRates(history), stats).stream()
                .filter(rate -> rate.pair().equals(pair) && rate.kind() == RateKind.MID)
                .findFirst();
    }

    /** The currencies this chain quotes, as its providers know them now (refreshed by the runs). */
    public CurrencyCatalogue catalogue() {
        return RateProviders.catalogue(providers);
    }

    /**
     * The pairs a newer table can exist for. A pair's newest table is the later of its latest stored rate and the
     * latest trusted quote this instance saw (an unchanged value is not stored, but it still tells us the provider
     * has published). From that table's observation time, its provider's {@link PublicationSchedule} says when the
     * next one can exist: before then the pair is not asked; from then on it is asked on every run for
     * {@link #RETRY_WINDOW} (a provider a little late is read by the first run after it publishes), and after
     * that at most once per {@link #LATE_RETRY_EVERY} (a holiday, a provider down: we keep trying, cheaply).
     * A pair with no table yet, or from a provider without a known schedule, is always due. The memory of what was
     * seen and asked is per instance: a cold Lambda container just asks once more.
     */
    Set<CurrencyPair> due(Set<CurrencyPair> pairs, Instant now, LastRates last) {
        Set<CurrencyPair> due = new TreeSet<>(BY_NAME);
        for (CurrencyPair pair : pairs) {
            Optional<Instant> next = nextExpected(pair, last);
            if (next.isEmpty()) {
                due.add(pair); // no table yet, or a provider without a known schedule
            } else if (now.isBefore(next.get())) {
                continue; // no newer table can exist yet
            } else if (now.isBefore(next.get().plus(RETRY_WINDOW))) {
                due.add(pair); // due: every run, so a little lateness costs at most one run
            } else {
                Instant asked = askedAt.get(pair);
                if (asked == null || !now.isBefore(asked.plus(LATE_RETRY_EVERY))) {
                    due.add(pair); // overdue: hourly
                }
            }
        }
        return due;
    }

    /** When a table newer than the one we have for {@code pair} can first exist; empty when unknown. */
    public Optional<Instant> nextExpected(CurrencyPair pair) {
        return nextExpected(pair, new LastRates(history));
    }

    private Optional<Instant> nextExpected(CurrencyPair pair, LastRates last) {
        Optional<Seen> stored = last.of(pair).map(rate -> new Seen(rate.provider(), rate.observedAt()));
        Seen inMemory = seen.get(pair);
        Optional<Seen> newest = inMemory == null ? stored
                : stored.filter(s -> s.observedAt().isAfter(inMemory.observedAt())).or(() -> Optional.of(inMemory));
        return newest.flatMap(s -> PublicationSchedule.of(s.provider()).map(schedule -> schedule.nextAfter(s.observedAt())));
    }

    /** Pairs of ARMED or FIRED alerts plus pairs people asked about within the interest window. */
    Set<CurrencyPair> pairsToFetch(Instant now) {
        Set<CurrencyPair> pairs = new TreeSet<>(BY_NAME);
        pairs.addAll(alerts.watchedPairs());
        pairs.addAll(history.pairsOfInterestSince(now.minus(config.interestWindow())));
        return pairs;
    }

    /** Lets each provider re-read its currency list when due (at most daily); failures keep the list it had. */
    private void refreshCurrencyLists() {
        for (RateProvider provider : providers) {
            try {
                provider.refreshCurrencies();
            } catch (RuntimeException e) {
                log.warn("rate provider {} could not refresh its currency list: {}", provider.name(), e.toString());
            }
        }
    }

    /**
     * The codes of {@code wanted} worth asking {@code provider} for: none when it does not quote the base, else
     * those it quotes. Some providers fail the whole request over one unknown code (Frankfurter's 404).
     */
    private static SortedSet<String> quotable(RateProvider provider, String base, SortedSet<String> wanted) {
        Optional<Set<String>> known = provider.currencies();
        if (known.isEmpty()) {
            return wanted;
        }
        if (!known.get().contains(base)) {
            return new TreeSet<>();
        }
        SortedSet<String> quotable = new TreeSet<>(wanted);
        quotable.retainAll(known.get());
        return quotable;
    }

    /** Pairs that share a base and a provider order: one call per provider for all of them. */
    private record Group(String base, List<RateProvider> chain) {
    }

    private Map<Group, SortedSet<String>> groupByBaseAndChain(Set<CurrencyPair> pairs) {
        Map<Group, SortedSet<String>> groups = new LinkedHashMap<>();
        for (CurrencyPair pair : pairs) {
            groups.computeIfAbsent(new Group(pair.base(), chainFor(pair)), g -> new TreeSet<>()).add(pair.quote());
        }
        return groups;
    }

    /** The chain in the order configured for this pair's currencies ({@code PROVIDER_ORDER_BY_CURRENCY}). */
    private List<RateProvider> chainFor(CurrencyPair pair) {
        List<String> order = config.orderFor(pair, providerNames());
        if (order.equals(providerNames())) {
            return providers;
        }
        Map<String, RateProvider> byName = providers.stream()
                .collect(Collectors.toMap(RateProvider::name, p -> p, (a, b) -> a));
        return order.stream().map(byName::get).toList();
    }

    /** Walks the provider chain for one base currency until every quote currency has a trustworthy rate. */
    private List<Rate> resolve(String base, SortedSet<String> quotes, List<RateProvider> chain, LastRates last,
                               RunStats stats) {
        Map<String, Rate> trusted = new LinkedHashMap<>();
        Map<String, Rate> quarantined = new HashMap<>();
        Map<String, QuoteGuard.Doubt> doubts = new HashMap<>();
        // Bank rates travel with the mid rate of the same provider: the trusted one's, and a quarantined one's.
        Map<String, List<Quote>> trustedBank = new HashMap<>();
        Map<String, List<Quote>> quarantinedBank = new HashMap<>();
        for (RateProvider provider : chain) {
            SortedSet<String> open = new TreeSet<>(quotes);
            open.removeAll(trusted.keySet());
            if (open.isEmpty()) {
                break;
            }
            SortedSet<String> wanted = quotable(provider, base, open);
            if (wanted.isEmpty()) {
                continue;
            }
            Answer answer = call(provider, base, wanted, stats);
            if (answer == null) {
                continue;
            }
            for (String quote : wanted) {
                CurrencyPair pair = CurrencyPair.of(base, quote);
                List<Quote> bank = answer.bank().getOrDefault(quote, List.of());
                Verdict verdict = guard.check(answer.mid().get(quote), provider.name());
                if (verdict instanceof Verdict.Rejected rejected) {
                    reject(stats, provider.name(), pair, rejected.reason(), rejected.detail());
                    continue;
                }
                Rate rate = ((Verdict.Valid) verdict).rate();
                Rate held = quarantined.get(quote);
                if (held != null && guard.confirms(rate, held)) {
                    log.info("{} quote {} from {} ({}) confirmed by {} ({})", pair, held.value().toPlainString(),
                            held.provider(), doubts.get(quote).reason(), provider.name(), rate.value().toPlainString());
                    quarantined.remove(quote);
                    trusted.put(quote, held);
                    trustedBank.put(quote, quarantinedBank.getOrDefault(quote, List.of()));
                    continue;
                }
                // A spike from the last stored rate, or a pair's first quote off the reference table.
                Optional<QuoteGuard.Doubt> doubt = guard.doubt(rate, last.of(pair));
                if (doubt.isEmpty()) {
                    trusted.put(quote, rate);
                    trustedBank.put(quote, bank);
                    if (held != null) {
                        quarantined.remove(quote);
                        reject(stats, held.provider(), pair, doubts.get(quote).reason(), "value " + held.value().toPlainString()
                                + " contradicted by " + provider.name() + " (" + rate.value().toPlainString() + ")");
                    }
                } else if (held == null) {
                    log.info("{} quote {} from {} quarantined ({}): {}; waiting for another provider to confirm", pair,
                            rate.value().toPlainString(), provider.name(), doubt.get().reason(), doubt.get().detail());
                    quarantined.put(quote, rate);
                    quarantinedBank.put(quote, bank);
                    doubts.put(quote, doubt.get());
                } else {
                    reject(stats, provider.name(), pair, doubt.get().reason(), "value " + rate.value().toPlainString()
                            + " disagrees with the quarantined " + held.value().toPlainString() + " of " + held.provider());
                }
            }
        }
        quarantined.forEach((quote, held) -> reject(stats, held.provider(), CurrencyPair.of(base, quote),
                doubts.get(quote).reason(), "value " + held.value().toPlainString() + " ("
                        + doubts.get(quote).detail() + ") not confirmed by another provider"));
        trusted.values().forEach(rate -> stats.trusted(rate.provider()));
        List<Rate> result = new ArrayList<>(trusted.values());
        trusted.forEach((quote, mid) -> result.addAll(bankRates(mid, trustedBank.getOrDefault(quote, List.of()), stats)));
        return result;
    }

    /**
     * The bank rates given with a trusted mid rate, each a valid quote on its own and within the spike limit of
     * that mid rate (a bank's spread is a few percent; more is a broken row, not a rate to alert on).
     */
    private List<Rate> bankRates(Rate mid, List<Quote> quotes, RunStats stats) {
        List<Rate> rates = new ArrayList<>();
        for (Quote quote : quotes) {
            Verdict verdict = guard.check(quote, mid.provider());
            if (verdict instanceof Verdict.Rejected rejected) {
                reject(stats, mid.provider(), mid.pair(), rejected.reason(), quote.kind() + " " + rejected.detail());
            } else if (guard.isSpike(((Verdict.Valid) verdict).rate(), Optional.of(mid))) {
                reject(stats, mid.provider(), mid.pair(), RejectionReason.SPIKE, quote.kind() + " value "
                        + quote.value() + " more than the spike limit from its mid rate " + mid.value().toPlainString());
            } else {
                rates.add(((Verdict.Valid) verdict).rate());
            }
        }
        return rates;
    }

    /** A provider's answer for one base: its mid quotes and any bank quotes, by quote currency. */
    private record Answer(Map<String, Quote> mid, Map<String, List<Quote>> bank) {
    }

    /** The provider's quotes by quote currency, or null when the call failed (recorded as its error). */
    private Answer call(RateProvider provider, String base, SortedSet<String> wanted, RunStats stats) {
        Instant startedAt = clock.instant();
        String error = null;
        try {
            Map<String, Quote> byQuote = new HashMap<>();
            Map<String, List<Quote>> bank = new HashMap<>();
            for (Quote quote : provider.fetch(base, Collections.unmodifiableSortedSet(wanted))) {
                if (quote != null && quote.pair().base().equals(base)) {
                    if (quote.kind() == RateKind.MID) {
                        byQuote.putIfAbsent(quote.pair().quote(), quote);
                    } else {
                        bank.computeIfAbsent(quote.pair().quote(), q -> new ArrayList<>()).add(quote);
                    }
                }
            }
            return new Answer(byQuote, bank);
        } catch (FetchException e) {
            error = e.getMessage();
            log.warn("rate provider {} failed for base {} ({}): {}", provider.name(), base, e.kind(), e.getMessage());
            return null;
        } catch (RuntimeException e) {
            // A bug in one provider must not cost the pairs the next provider can give.
            error = provider.name() + ": unexpected " + e.getClass().getSimpleName();
            log.error("rate provider {} failed unexpectedly for base {}", provider.name(), base, e);
            return null;
        } finally {
            stats.called(provider.name(), startedAt, clock.millis() - startedAt.toEpochMilli(), error);
        }
    }

    private static void reject(RunStats stats, String provider, CurrencyPair pair, RejectionReason reason, String detail) {
        log.warn("rejected {} quote from {}: {} ({})", pair, provider, reason, detail);
        stats.rejected(provider, reason);
    }

    /** Event ids the publisher could not publish; all of them when the publisher itself failed. */
    private Set<String> publish(List<RateUpdated> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        try {
            List<RateUpdated> failed = publisher.publish(events);
            failed.forEach(e -> log.warn("rate event {} for {} not published; the next run tries again",
                    e.eventId(), e.pair()));
            return failed.stream().map(RateUpdated::eventId).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            log.error("publishing {} rate events failed; the next run tries again", events.size(), e);
            return events.stream().map(RateUpdated::eventId).collect(Collectors.toSet());
        }
    }

    private void appendToHistory(RateUpdated event) {
        try {
            history.append(event.toRate(), event.eventId());
        } catch (RuntimeException e) {
            // Published but not remembered: the next run publishes the same event id again, which consumers dedupe.
            log.error("rate {} of {} published but not appended to the history", event.eventId(), event.pair(), e);
        }
    }

    private List<String> providerNames() {
        return providers.stream().map(RateProvider::name).toList();
    }

    /** The last stored rate of each pair (and kind), read at most once per run. */
    private static final class LastRates {
        private final RateHistory history;
        private final Map<String, Optional<RateHistory.Entry>> cache = new HashMap<>();

        LastRates(RateHistory history) {
            this.history = history;
        }

        Optional<Rate> of(CurrencyPair pair) {
            return entryOf(pair).map(RateHistory.Entry::rate);
        }

        Optional<RateHistory.Entry> entryOf(CurrencyPair pair) {
            return entryOf(pair, RateKind.MID);
        }

        Optional<RateHistory.Entry> entryOf(CurrencyPair pair, RateKind kind) {
            return cache.computeIfAbsent(kind.series(pair), series -> history.latestEntry(pair, kind));
        }
    }
}
