package dev.fxalert.ingestion.provider;

import dev.fxalert.core.port.RateProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Keeps one bad code from failing a whole request: when a provider REJECTS a request for several quote currencies
 * (Frankfurter answers HTTP 404 for the whole request when any one symbol is unknown to it), the symbols are split
 * in halves and each half is asked again, down to single symbols. A single symbol that is still rejected is left
 * out of the answer (the port's "a currency the provider does not know is simply absent"), so every other pair of
 * the base still gets its quote. Costs about 2·log2(n) extra calls per bad symbol among n, and nothing while the
 * currency catalogues keep unknown codes out of requests in the first place.
 * <p>
 * Only rejections are narrowed: timeouts, 5xx and rate limits concern the provider, not a symbol, and splitting
 * would only multiply the calls. When every symbol is rejected the first rejection is rethrown (the base itself is
 * probably unknown), so the failure still shows as the provider's error.
 */
public final class NarrowingRateProvider extends ForwardingRateProvider {

    private static final Logger log = LoggerFactory.getLogger(NarrowingRateProvider.class);


    public NarrowingRateProvider(RateProvider delegate) {
        super(delegate);
    }

    @Override
    public List<Quote> fetch(String base, Set<String> quotes) {
        try {
            return delegate.fetch(base, quotes);
        } catch (FetchException e) {
            if (e.kind() != FailureKind.REJECTED || quotes.size() < 2) {
                throw e;
            }
            log.info("{} rejected {} against {} symbols ({}); asking for halves to find the bad one", name(), base,
                    quotes.size(), e.getMessage());
            List<Quote> found = new ArrayList<>();
            int answered = narrow(base, new ArrayList<>(new TreeSet<>(quotes)), found);
            if (answered == 0) {
                throw e;
            }
            return found;
        }
    }

    /** Asks for {@code symbols}, halving on rejection; adds what was quoted; returns how many symbols were answered. */
    private int narrow(String base, List<String> symbols, List<Quote> found) {
        int middle = symbols.size() / 2;
        return ask(base, symbols.subList(0, middle), found) + ask(base, symbols.subList(middle, symbols.size()), found);
    }

    private int ask(String base, List<String> symbols, List<Quote> found) {
        SortedSet<String> request = new TreeSet<>(symbols);
        try {
            found.addAll(delegate.fetch(base, request));
            return request.size();
        } catch (FetchException e) {
            if (e.kind() != FailureKind.REJECTED) {
                throw e;
            }
            if (request.size() == 1) {
                log.warn("{} rejects {}/{} ({}); leaving it out so the other pairs of {} still update", name(), base,
                        request.first(), e.getMessage(), base);
                return 0;
            }
            return narrow(base, symbols, found);
        }
    }
}
