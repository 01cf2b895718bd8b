package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.port.UpdateJournal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import static dev.fxalert.core.store.dynamodb.AttributeValues.n;
import static dev.fxalert.core.store.dynamodb.AttributeValues.number;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;

/**
 * Handled updates as items of the rate history table, each in its own partition {@code pair = UPDATE#<deliveryId>}
 * (never a currency pair, so no rate read or interest query sees them) with {@code observedKey = HANDLED},
 * {@code handledAt} (N, epoch millis) and {@code expiresAt} (N, epoch seconds, handled + {@link #RETENTION}): the
 * table's existing TTL deletes them, so no new table, TTL setting or IAM action is needed (the webhook may already
 * Query and PutItem there). TTL deletes up to days late, so reads compare {@code handledAt} with the clock
 * themselves; {@link #purgeExpired()} does nothing. One partition per id spreads the writes.
 *
 * <p>{@code wasHandled} is a strongly consistent one-item Query (the webhook role may Query, not GetItem, the
 * table); {@code markHandled} one PutItem, conditional on no live entry, which decides concurrent marks.
 */
final class DynamoDbUpdateJournal implements UpdateJournal {

    static final String PARTITION_PREFIX = "UPDATE#";
    static final String SORT_VALUE = "HANDLED";
    static final String HANDLED_AT = "handledAt";

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    DynamoDbUpdateJournal(DynamoDbClient client, DynamoDbStoreConfig config, Clock clock) {
        this.client = client;
        this.table = config.rateHistoryTable();
        this.clock = clock;
    }

    @Override
    public boolean wasHandled(String deliveryId) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        return DynamoDbRateHistory.sideItem(client, table, PARTITION_PREFIX + deliveryId, SORT_VALUE)
                .filter(item -> number(item, HANDLED_AT, Long.MIN_VALUE) > expiredAtOrBefore())
                .isPresent();
    }

    @Override
    public boolean markHandled(String deliveryId, Instant at) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(at, "at");
        long expiresAt = at.plus(RETENTION).getEpochSecond() + 1;
        try {
            client.putItem(b -> b.tableName(table)
                    .item(Map.of(DynamoDbRateHistory.PAIR, s(PARTITION_PREFIX + deliveryId),
                            DynamoDbRateHistory.SORT, s(SORT_VALUE),
                            HANDLED_AT, n(at.toEpochMilli()),
                            DynamoDbRateHistory.EXPIRES_AT, n(expiresAt)))
                    // An expired entry TTL has not deleted yet counts as absent.
                    .conditionExpression("attribute_not_exists(#pk) OR #at <= :expired")
                    .expressionAttributeNames(Map.of("#pk", DynamoDbRateHistory.PAIR, "#at", HANDLED_AT))
                    .expressionAttributeValues(Map.of(":expired", n(expiredAtOrBefore()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyMarked) {
            return false;
        }
    }

    @Override
    public void purgeExpired() {
        // The table's TTL on expiresAt deletes entries; reads already ignore expired ones.
    }

    private long expiredAtOrBefore() {
        return clock.instant().minus(RETENTION).toEpochMilli();
    }
}
