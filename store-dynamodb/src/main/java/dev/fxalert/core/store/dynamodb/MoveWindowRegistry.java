package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.CurrencyPair;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The windows (in hours) of a pair's percent-move alerts (issue 14), as a number set in one item per pair
 * ({@code alertId = MOVES#USD/KRW}), like {@link PairRegistry}: it only grows, so evaluation learns which moves to
 * compute with one GetItem per event instead of reading alerts.
 */
final class MoveWindowRegistry {

    static final String WINDOWS = "windowHours";
    private static final String PREFIX = "MOVES#";

    private final DynamoDbClient client;
    private final String table;
    private final PagedReads reads;
    /** (pair, window) this instance already registered: one write each is enough. */
    private final Set<String> knownRegistered = ConcurrentHashMap.newKeySet();

    MoveWindowRegistry(DynamoDbClient client, String table, PagedReads reads) {
        this.client = client;
        this.table = table;
        this.reads = reads;
    }

    private static Map<String, AttributeValue> key(CurrencyPair pair) {
        return AlertItems.key(PREFIX + pair);
    }

    /** Idempotent: adding a number a set has already changes nothing. */
    void register(CurrencyPair pair, Duration window) {
        String known = pair + "#" + window.toHours();
        if (knownRegistered.contains(known)) {
            return;
        }
        client.updateItem(b -> b.tableName(table).key(key(pair))
                .updateExpression("ADD #windows :window")
                .expressionAttributeNames(Map.of("#windows", WINDOWS))
                .expressionAttributeValues(Map.of(":window",
                        AttributeValue.fromNs(List.of(Long.toString(window.toHours()))))));
        knownRegistered.add(known);
    }

    Set<Duration> registered(CurrencyPair pair) {
        Set<Duration> windows = new TreeSet<>();
        reads.get(table, key(pair)).map(item -> item.get(WINDOWS))
                .ifPresent(set -> set.ns().forEach(hours -> windows.add(Duration.ofHours(Long.parseLong(hours)))));
        return windows;
    }
}
