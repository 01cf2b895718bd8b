package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The current rate of a pair for a chat reply: the latest stored rate while fresh, otherwise asked from the
 * providers on demand, otherwise the stale stored one (shown with its age). Asking with {@link #current} also
 * records interest, so ingestion keeps fetching the pair for a while.
 */
public final class RateQuotes {

    private static final Logger log = LoggerFactory.getLogger(RateQuotes.class);

    private final RateHistory history;
    private final RateLookup lookup;
    private final Clock clock;
    private final Duration freshness;

    public RateQuotes(RateHistory history, RateLookup lookup, Clock clock, Duration freshness) {
        this.history = history;
        this.lookup = lookup;
        this.clock = clock;
        this.freshness = freshness;
    }

    /** For /rate and /convert: also records interest, so ingestion keeps the pair fresh for a while. */
    public Optional<Rate> current(CurrencyPair pair) {
        history.recordInterest(pair, clock.instant());
        return withoutInterest(pair);
    }

    /**
     * The same answer without recording interest: for /alert, whose alert keeps the pair fetched for as long as it
     * is watched, and not a minute longer (interest would keep a deleted alert's pair fetched).
     */
    public Optional<Rate> withoutInterest(CurrencyPair pair) {
        Optional<Rate> stored = history.latest(pair);
        if (stored.isPresent() && !stored.get().observedAt().isBefore(clock.instant().minus(freshness))) {
            return stored;
        }
        Optional<Rate> fetched = fetch(pair);
        return fetched.isPresent() ? fetched : stored;
    }

    /**
     * The latest stored rate of a bank's kind ({@link RateKind#BANK_BUY}/{@link RateKind#BANK_SELL}): ingestion
     * stores them with the mid rate of the source that gives them; there is no on-demand lookup for them.
     */
    public Optional<Rate> stored(CurrencyPair pair, RateKind kind) {
        return history.latest(pair, kind);
    }

    private Optional<Rate> fetch(CurrencyPair pair) {
        try {
            return lookup.current(pair);
        } catch (RuntimeException e) {
            // A provider outage must not turn /rate into an error; the stale rate (or "none yet") is the answer.
            log.warn("On-demand rate lookup for {} failed: {}", pair, e.toString());
            return Optional.empty();
        }
    }

    /** The reply when no provider has a rate for the pair right now (ingestion fetches it from now on). */
    static String noRateYet(Messages messages, CurrencyPair pair) {
        return messages.text(Msg.RATE_NONE_YET, pair.toString());
    }

    /** Issue 14: the stored rate of the pair at {@code at} (the base of a percent move), without fetching. */
    public Optional<Rate> storedAt(CurrencyPair pair, Instant at) {
        return history.atOrBefore(pair, at);
    }
}
