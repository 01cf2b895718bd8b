package dev.fxalert.core.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three tables and their indexes, as the code expects them; infra's template must declare the same
 * (plus TTL on rate history's {@code expiresAt}, which is never enabled from here). For tests and local use.
 */
final class DynamoDbTables {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private DynamoDbTables() {
    }

    static void createIfMissing(DynamoDbClient client, DynamoDbStoreConfig config) {
        create(client, alerts(config.alertsTable()));
        create(client, users(config.usersTable()));
        create(client, rateHistory(config.rateHistoryTable()));
    }

    static CreateTableRequest alerts(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash(AlertItems.ID))
                .attributeDefinitions(
                        string(AlertItems.ID), string(AlertItems.USER_ID), string(AlertItems.OWNER_SORT),
                        string(AlertItems.ARMED_KEY), number(AlertItems.THRESHOLD),
                        string(AlertItems.REARM_KEY), number(AlertItems.REARM_BOUNDARY),
                        string(AlertItems.PENDING_KEY), string(AlertItems.PENDING_SORT),
                        string(AlertItems.WATCH_KEY),
                        // issue 14: expiry
                        string(AlertItems.EXPIRY_KEY), string(AlertItems.EXPIRY_SORT))
                .globalSecondaryIndexes(
                        index(AlertItems.BY_OWNER, AlertItems.USER_ID, AlertItems.OWNER_SORT, ProjectionType.ALL),
                        index(AlertItems.ARMED_BY_THRESHOLD, AlertItems.ARMED_KEY, AlertItems.THRESHOLD,
                                ProjectionType.ALL),
                        index(AlertItems.REARMABLE_BY_BOUNDARY, AlertItems.REARM_KEY, AlertItems.REARM_BOUNDARY,
                                ProjectionType.ALL),
                        index(AlertItems.PENDING_BY_FIRED_AT, AlertItems.PENDING_KEY, AlertItems.PENDING_SORT,
                                ProjectionType.ALL),
                        index(AlertItems.WATCHING_BY_PAIR, AlertItems.WATCH_KEY, null, ProjectionType.KEYS_ONLY),
                        // issue 14: what is still to expire, by time (the sweep's range read)
                        index(AlertItems.EXPIRING_BY_TIME, AlertItems.EXPIRY_KEY, AlertItems.EXPIRY_SORT,
                                ProjectionType.ALL))
                .build();
    }

    static CreateTableRequest users(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash(DynamoDbUserStore.USER_ID))
                .attributeDefinitions(string(DynamoDbUserStore.USER_ID), string(DynamoDbUserStore.ACTIVE_KEY),
                        string(DynamoDbAuditLog.AUDIT_KEY), string(DynamoDbAuditLog.AUDIT_SORT),
                        string(DynamoDbUserStore.DIGEST_TIME))
                .globalSecondaryIndexes(
                        index(DynamoDbUserStore.ACTIVE_BY_ID, DynamoDbUserStore.ACTIVE_KEY, DynamoDbUserStore.USER_ID,
                                ProjectionType.ALL),
                        index(DynamoDbAuditLog.AUDIT_BY_TIME, DynamoDbAuditLog.AUDIT_KEY, DynamoDbAuditLog.AUDIT_SORT,
                                ProjectionType.ALL),
                        // Digest batches (issue 15): sparse, only users with a digest time.
                        index(DynamoDbUserStore.DIGEST_BY_ID, DynamoDbUserStore.DIGEST_TIME, DynamoDbUserStore.USER_ID,
                                ProjectionType.ALL))
                .build();
    }

    static CreateTableRequest rateHistory(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash(DynamoDbRateHistory.PAIR),
                        KeySchemaElement.builder().attributeName(DynamoDbRateHistory.SORT).keyType(KeyType.RANGE).build())
                .attributeDefinitions(string(DynamoDbRateHistory.PAIR), string(DynamoDbRateHistory.SORT))
                .build();
    }

    private static void create(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.describeTable(b -> b.tableName(request.tableName()));
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(request);
            } catch (ResourceInUseException createdMeanwhile) {
                // someone else created it; wait for it below like for ours
            }
        }
        awaitActive(client, request.tableName());
    }

    private static void awaitActive(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (client.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + table + " not ACTIVE after " + ACTIVE_TIMEOUT);
            }
            try {
                // Short polls: dynalite in tests is ACTIVE almost at once; real DynamoDB takes seconds.
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + table, e);
            }
        }
    }

    private static KeySchemaElement hash(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    private static AttributeDefinition number(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.N).build();
    }

    private static GlobalSecondaryIndex index(String name, String partition, String sort, ProjectionType projection) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(hash(partition));
        if (sort != null) {
            keys.add(KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build());
        }
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys)
                .projection(Projection.builder().projectionType(projection).build())
                .build();
    }
}
