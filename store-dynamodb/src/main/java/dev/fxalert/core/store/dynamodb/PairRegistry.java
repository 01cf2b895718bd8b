package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.CurrencyPair;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every pair an alert was ever created for, as a string set in one item ({@code alertId = PAIRS}). It only grows
 * (a pair costs a few bytes), so watchedPairs can check each registered pair with a one-item index read instead
 * of scanning the alerts.
 */
final class PairRegistry {

    static final String PAIRS = "pairs";
    private static final Map<String, AttributeValue> KEY = AlertItems.key("PAIRS");

    private final DynamoDbClient client;
    private final String table;
    private final PagedReads reads;
    /** Pairs this instance already registered: the registry never shrinks, so one write per pair is enough. */
    private final Set<CurrencyPair> knownRegistered = ConcurrentHashMap.newKeySet();

    PairRegistry(DynamoDbClient client, String table, PagedReads reads) {
        this.client = client;
        this.table = table;
        this.reads = reads;
    }

    /** Idempotent: adding to a string set that has the pair already changes nothing. */
    void register(CurrencyPair pair) {
        if (knownRegistered.contains(pair)) {
            return;
        }
        client.updateItem(b -> b.tableName(table).key(KEY)
                .updateExpression("ADD #pairs :pair")
                .expressionAttributeNames(Map.of("#pairs", PAIRS))
                .expressionAttributeValues(Map.of(":pair", AttributeValue.fromSs(List.of(pair.toString())))));
        knownRegistered.add(pair);
    }

    List<CurrencyPair> registered() {
        return reads.get(table, KEY)
                .map(item -> item.get(PAIRS))
                .map(set -> set.ss().stream().map(CurrencyPair::parse).toList())
                .orElse(List.of());
    }
}
