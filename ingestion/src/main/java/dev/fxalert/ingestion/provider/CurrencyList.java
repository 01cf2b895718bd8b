package dev.fxalert.ingestion.provider;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider.FetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One provider's currency catalogue: the list shipped with the project (a resource named after the provider) until
 * the provider's own list has been read, then that one. A provider with a list endpoint refreshes it at most once
 * per {@link #REFRESH_EVERY} (an hour after a failure); one whose answers list every code it quotes replaces the
 * list with each answer. Only ISO 4217 codes are kept (open.er-api also lists e.g. FOK and GGP). Thread-safe.
 */
public final class CurrencyList {

    private static final Logger log = LoggerFactory.getLogger(CurrencyList.class);
    static final Duration REFRESH_EVERY = Duration.ofHours(24);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);

    private final String provider;
    private final Clock clock;
    private final AtomicReference<Set<String>> current;
    private final AtomicReference<Instant> nextRefresh = new AtomicReference<>(Instant.MIN);

    CurrencyList(String provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
        this.current = new AtomicReference<>(shipped(provider));
    }

    /** The list shipped for {@code provider} (e.g. {@code frankfurter}); empty when none is shipped. */
    public static Set<String> shipped(String provider) {
        try (InputStream in = CurrencyList.class.getResourceAsStream("currencies/" + provider + ".txt")) {
            if (in == null) {
                return Set.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return isoCodes(reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped currency list of " + provider, e);
        }
    }

    Set<String> current() {
        return current.get();
    }

    /** An answer listed every code the provider quotes: that is the list from now on (an empty answer is ignored). */
    void learned(Collection<String> codes) {
        Set<String> iso = isoCodes(codes);
        if (!iso.isEmpty()) {
            current.set(iso);
        }
    }

    /** Reads the provider's list from {@code source} when due; a failed read keeps the current list. */
    void refreshIfDue(Supplier<Collection<String>> source) {
        Instant now = clock.instant();
        Instant due = nextRefresh.get();
        if (now.isBefore(due) || !nextRefresh.compareAndSet(due, now.plus(RETRY_AFTER_FAILURE))) {
            return; // not due, or another thread is refreshing
        }
        try {
            Set<String> read = isoCodes(source.get());
            if (read.isEmpty()) {
                log.warn("{} listed no currencies; keeping the {} known ones", provider, current.get().size());
                return;
            }
            current.set(read);
            nextRefresh.set(now.plus(REFRESH_EVERY));
        } catch (FetchException e) {
            log.warn("{} currency list not read ({}); keeping the {} known ones, next try in {}", provider,
                    e.getMessage(), current.get().size(), RETRY_AFTER_FAILURE);
        }
    }

    private static Set<String> isoCodes(Collection<String> codes) {
        Set<String> iso = new TreeSet<>();
        for (String code : codes) {
            String upper = code.strip().toUpperCase(Locale.ROOT);
            if (CurrencyPair.isKnownCurrency(upper)) {
                iso.add(upper);
            }
        }
        return Set.copyOf(iso);
    }
}
