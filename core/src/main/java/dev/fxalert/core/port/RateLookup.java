package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;

import java.util.Optional;

/** Fetches the current rate of a pair from the providers on demand (the bot's /rate when history is stale). */
public interface RateLookup {

    /** The current rate, or empty when no provider could give a trustworthy quote right now. */
    Optional<Rate> current(CurrencyPair pair);
}
