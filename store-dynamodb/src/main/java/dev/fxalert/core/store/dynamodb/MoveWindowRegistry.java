package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.CurrencyPair;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The windows (in hours) of a pair's percent-move alerts (issue 14), as a number set in one item per pair
 * ({@code alertId = MOVES#USD/KRW}), the same mechanism as {@link PairRegistry} ({@link PairRegistry.GrowingSet}):
 * it only grows, so evaluation learns which moves to compute with one GetItem per event instead of reading alerts.
 */
final class MoveWindowRegistry {

    static final String WINDOWS = "windowHours";
    private static final String PREFIX = "MOVES#";

    private final PairRegistry.GrowingSet windows;

    MoveWindowRegistry(DynamoDbClient client, String table, PagedReads reads) {
        this.windows = new PairRegistry.GrowingSet(client, table, reads, WINDOWS, true);
    }

    void register(CurrencyPair pair, Duration window) {
        windows.add(PREFIX + pair, Long.toString(window.toHours()));
    }

    Set<Duration> registered(CurrencyPair pair) {
        Set<Duration> registered = new TreeSet<>();
        windows.members(PREFIX + pair).forEach(hours -> registered.add(Duration.ofHours(Long.parseLong(hours))));
        return registered;
    }
}
