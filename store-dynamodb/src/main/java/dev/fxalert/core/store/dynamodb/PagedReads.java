package dev.fxalert.core.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every read of the DynamoDB stores goes through here: Queries and Scans follow LastEvaluatedKey page by page
 * (never trusting one response to be complete), and everything read is counted in a {@link ReadCounter}.
 */
final class PagedReads {

    static final int UNLIMITED = Integer.MAX_VALUE;

    private final DynamoDbClient client;
    private final int pageSize;
    private final ReadCounter counter;

    PagedReads(DynamoDbClient client, int pageSize, ReadCounter counter) {
        this.client = client;
        this.pageSize = pageSize;
        this.counter = counter;
    }

    /** All items the query matches. */
    List<Map<String, AttributeValue>> query(QueryRequest request) {
        return query(request, UNLIMITED);
    }

    /** The first {@code max} items the query matches, in the query's order. */
    List<Map<String, AttributeValue>> query(QueryRequest request, int max) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            int remaining = max - items.size();
            // Without a filter every read item is returned, so asking for just what is missing reads no extra page.
            int limit = request.filterExpression() == null ? Math.min(pageSize, remaining) : pageSize;
            QueryResponse page = client.query(request.toBuilder().limit(limit).exclusiveStartKey(startKey).build());
            counter.add(page.scannedCount());
            for (Map<String, AttributeValue> item : page.items()) {
                if (items.size() < max) {
                    items.add(item);
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && items.size() < max);
        return items;
    }

    /** How many items a query matches (reads them all, returns none). */
    long count(QueryRequest request) {
        long count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = client.query(request.toBuilder()
                    .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
                    .limit(pageSize).exclusiveStartKey(startKey).build());
            counter.add(page.scannedCount());
            count += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return count;
    }

    /** Feeds every item of the scan to {@code sink}. */
    void scan(ScanRequest request, Consumer<Map<String, AttributeValue>> sink) {
        scanUntil(request, null, item -> {
            sink.accept(item);
            return true;
        });
    }

    /**
     * Scans from after {@code startKey} (null: the start), feeding items to {@code sink} until it returns false.
     */
    void scanUntil(ScanRequest request, Map<String, AttributeValue> startKey, ItemSink sink) {
        Map<String, AttributeValue> next = startKey;
        do {
            ScanResponse page = client.scan(request.toBuilder().limit(pageSize).exclusiveStartKey(next).build());
            counter.add(page.scannedCount());
            for (Map<String, AttributeValue> item : page.items()) {
                if (!sink.accept(item)) {
                    return;
                }
            }
            next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (next != null);
    }

    /** A strongly consistent GetItem. */
    Optional<Map<String, AttributeValue>> get(String table, Map<String, AttributeValue> key) {
        GetItemResponse response = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        counter.add(1);
        return Optional.of(response.item());
    }

    /**
     * BatchGetItem of at most 100 keys of one table, strongly consistent, asking again for any keys DynamoDB left
     * unprocessed (it may under load) until every key was answered.
     */
    List<Map<String, AttributeValue>> batchGet(String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> remaining = keys;
        while (!remaining.isEmpty()) {
            KeysAndAttributes ask = KeysAndAttributes.builder().keys(remaining).consistentRead(true).build();
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(table, ask)));
            List<Map<String, AttributeValue>> found = response.responses().getOrDefault(table, List.of());
            counter.add(found.size());
            items.addAll(found);
            KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
            remaining = unprocessed == null || !unprocessed.hasKeys() ? List.of() : unprocessed.keys();
        }
        return items;
    }

    @FunctionalInterface
    interface ItemSink {
        /** @return false to stop reading */
        boolean accept(Map<String, AttributeValue> item);
    }
}
