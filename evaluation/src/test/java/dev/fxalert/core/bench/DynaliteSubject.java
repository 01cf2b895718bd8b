package dev.fxalert.core.bench;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.store.dynamodb.BenchmarkItems;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.core.testing.Dynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import dev.fxalert.core.domain.MoveWay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.util.Map;

/**
 * The DynamoDB adapter on a fresh in-memory dynalite server, loaded through the store's own create() (10^5 alerts
 * load in under 8 minutes, so no bulk path is needed). Items read by findCrossed are the store's own count (the
 * ScannedCount of its index Queries) taken around the call; the full scan is a paginated Scan of the alerts table
 * that counts ScannedCount and keeps, in Java, the ARMED alerts of the pair the rate crosses.
 */
final class DynaliteSubject implements CrossingBenchmark.Subject {

    private final Dynalite dynalite;
    private final DynamoDbClient client;
    private final DynamoDbStoreConfig config;
    private final DynamoDbStores stores;

    DynaliteSubject() {
        this.dynalite = new Dynalite().start();
        this.client = dynalite.client();
        this.config = new DynamoDbStoreConfig(Dynalite.uniqueTableName("bench-users"),
                Dynalite.uniqueTableName("bench-alerts"), Dynalite.uniqueTableName("bench-rates"),
                CrossingBenchmark.ALERTS_PER_USER);
        DynamoDbStores.createTablesIfMissing(client, config);
        this.stores = DynamoDbStores.create(client, config, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "dynalite (DynamoDB)";
    }

    @Override
    public AlertStore alerts() {
        return stores.alerts();
    }

    @Override
    public long itemsReadByFindCrossed(CurrencyPair pair, BigDecimal rate) {
        long before = stores.alertReads().itemsRead();
        stores.alerts().findCrossed(pair, rate);
        return stores.alertReads().itemsRead() - before;
    }

    /** Every item of the table, in DynamoDB's own 1 MB pages: alerts plus per-user counters and the pair registry. */
    @Override
    public long[] fullScan(CurrencyPair pair, BigDecimal rate) {
        long read = 0;
        long crossed = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            ScanResponse page = client.scan(b -> b.tableName(config.alertsTable()).exclusiveStartKey(from));
            read += page.scannedCount();
            for (Map<String, AttributeValue> item : page.items()) {
                if (BenchmarkItems.isArmedAndCrossed(item, pair, rate)) {
                    crossed++;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new long[]{read, crossed};
    }

    /** Issue 14: the store's own counter around findMoved. */
    @Override
    public long itemsReadByFindMoved(CurrencyPair pair, Duration window, BigDecimal move) {
        long before = stores.alertReads().itemsRead();
        stores.alerts().findMoved(pair, window, move);
        return stores.alertReads().itemsRead() - before;
    }

    @Override
    public long[] fullScanMoves(CurrencyPair pair, Duration window, BigDecimal move) {
        long read = 0;
        long fired = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            ScanResponse page = client.scan(b -> b.tableName(config.alertsTable()).exclusiveStartKey(from));
            read += page.scannedCount();
            for (Map<String, AttributeValue> item : page.items()) {
                if (item.containsKey("moveWay") && pair.toString().equals(item.get("pair").s())
                        && Long.parseLong(item.get("moveWindowHours").n()) == window.toHours()
                        && "ARMED".equals(item.get("state").s())
                        && MoveWay.valueOf(item.get("moveWay").s()).along(move)
                                .compareTo(new BigDecimal(item.get("threshold").n())) >= 0) {
                    fired++;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new long[]{read, fired};
    }

    @Override
    public void close() {
        dynalite.close();
    }
}
