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
    private static final String ITEM = "PAIRS";

    private final GrowingSet pairs;

    PairRegistry(DynamoDbClient client, String table, PagedReads reads) {
        this.pairs = new GrowingSet(client, table, reads, PAIRS, false);
    }

    void register(CurrencyPair pair) {
        pairs.add(ITEM, pair.toString());
    }

    List<CurrencyPair> registered() {
        return pairs.members(ITEM).stream().map(CurrencyPair::parse).toList();
    }

    /**
     * The mechanism of both registries (this one and {@link MoveWindowRegistry}): a set attribute of one item of the
     * alerts table that only grows. Adding is idempotent ({@code ADD} of a member the set has changes nothing), and
     * since the set never shrinks, this instance writes each (item, member) once.
     */
    static final class GrowingSet {

        private final DynamoDbClient client;
        private final String table;
        private final PagedReads reads;
        private final String attribute;
        private final boolean numbers;
        /** (item, member) this instance already added. */
        private final Set<String> knownAdded = ConcurrentHashMap.newKeySet();

        /** @param numbers a number set ({@code NS}) rather than a string set ({@code SS}) */
        GrowingSet(DynamoDbClient client, String table, PagedReads reads, String attribute, boolean numbers) {
            this.client = client;
            this.table = table;
            this.reads = reads;
            this.attribute = attribute;
            this.numbers = numbers;
        }

        void add(String itemId, String member) {
            String known = itemId + "\n" + member;
            if (knownAdded.contains(known)) {
                return;
            }
            AttributeValue value = numbers ? AttributeValue.fromNs(List.of(member)) : AttributeValue.fromSs(List.of(member));
            client.updateItem(b -> b.tableName(table).key(AlertItems.key(itemId))
                    .updateExpression("ADD #set :member")
                    .expressionAttributeNames(Map.of("#set", attribute))
                    .expressionAttributeValues(Map.of(":member", value)));
            knownAdded.add(known);
        }

        /** The members, or none when the item does not exist yet. */
        List<String> members(String itemId) {
            return reads.get(table, AlertItems.key(itemId))
                    .map(item -> item.get(attribute))
                    .map(set -> numbers ? set.ns() : set.ss())
                    .orElse(List.of());
        }
    }
}
