package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.AlertLimitExceededException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;

import static dev.fxalert.core.store.dynamodb.AttributeValues.n;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;

/**
 * The per-user alert limit without transactions: a counter item per user ({@code alertId = COUNT#<userId>}) is
 * incremented under the condition {@code alertCount < max} before an alert is put, and decremented when the put
 * fails or the alert is deleted. Alert ids never contain '#', so counter keys cannot collide with alerts.
 */
final class AlertLimits {

    static final String COUNT = "alertCount";
    static final String COUNTER_OF = "counterOf";

    private final DynamoDbClient client;
    private final String table;
    private final int max;

    AlertLimits(DynamoDbClient client, String table, int max) {
        this.client = client;
        this.table = table;
        this.max = max;
    }

    /** Takes one of the user's slots or throws when all are taken. */
    void reserveSlot(String userId) {
        try {
            client.updateItem(b -> b.tableName(table).key(key(userId))
                    .conditionExpression("attribute_not_exists(#count) OR #count < :max")
                    .updateExpression("SET #counterOf = :user ADD #count :one")
                    .expressionAttributeNames(Map.of("#count", COUNT, "#counterOf", COUNTER_OF))
                    .expressionAttributeValues(Map.of(":max", n(max), ":one", n(1), ":user", s(userId))));
        } catch (ConditionalCheckFailedException full) {
            throw new AlertLimitExceededException(max);
        }
    }

    /** Gives a slot back (alert deleted, or its put failed). Never goes below zero. */
    void releaseSlot(String userId) {
        try {
            client.updateItem(b -> b.tableName(table).key(key(userId))
                    .conditionExpression("#count > :zero")
                    .updateExpression("ADD #count :minusOne")
                    .expressionAttributeNames(Map.of("#count", COUNT))
                    .expressionAttributeValues(Map.of(":zero", n(0), ":minusOne", n(-1))));
        } catch (ConditionalCheckFailedException alreadyZero) {
            // nothing to give back
        }
    }

    private static Map<String, AttributeValue> key(String userId) {
        return AlertItems.key("COUNT#" + userId);
    }
}
