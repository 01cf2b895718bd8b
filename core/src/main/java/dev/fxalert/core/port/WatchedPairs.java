package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;

import java.util.Set;

/** What ingestion must fetch: one of the consumer views {@link AlertStore} is made of. */
public interface WatchedPairs {

    /** Pairs of ARMED or FIRED alerts: what ingestion must fetch. */
    Set<CurrencyPair> watchedPairs();
}
