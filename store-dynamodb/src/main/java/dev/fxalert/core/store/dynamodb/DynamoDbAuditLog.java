package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.port.AuditEntry;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.AuditPage;
import dev.fxalert.core.store.AuditCursors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.fxalert.core.store.dynamodb.AttributeValues.instant;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;
import static dev.fxalert.core.store.dynamodb.AttributeValues.string;

/**
 * The audit log as items of the users table ({@code userId = AUDIT#<id>}), found newest first through the sparse
 * index {@code auditByTime} ({@code auditKey = AUDIT}, sort key fixed-width time + {@code #} + id). They carry no
 * {@code chatId}, so no user read, count or listing ever sees them. Operator actions are a few a day, so one index
 * partition is plenty; a new table would have meant a fourth table name in every function's configuration.
 */
final class DynamoDbAuditLog implements AuditLog {

    static final String AUDIT_KEY = "auditKey";
    static final String AUDIT_VALUE = "AUDIT";
    static final String AUDIT_SORT = "auditSort";
    static final String AUDIT_BY_TIME = "auditByTime";
    private static final String AT = "at";
    private static final String ACTION = "action";
    private static final String TARGET_TYPE = "targetType";
    private static final String TARGET_ID = "targetId";
    private static final String DETAIL = "detail";
    private static final String ENTRY_ID = "entryId";

    private final DynamoDbClient client;
    private final String table;
    private final PagedReads reads;

    DynamoDbAuditLog(DynamoDbClient client, DynamoDbStoreConfig config) {
        this.client = client;
        this.table = config.usersTable();
        this.reads = new PagedReads(client, config.pageSize(), new ReadCounter());
    }

    @Override
    public void append(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DynamoDbUserStore.USER_ID, s("AUDIT#" + entry.id()));
        item.put(ENTRY_ID, s(entry.id()));
        item.put(AUDIT_KEY, s(AUDIT_VALUE));
        item.put(AUDIT_SORT, s(sortKey(entry.at(), entry.id())));
        item.put(AT, instant(entry.at()));
        item.put(ACTION, s(entry.action()));
        item.put(TARGET_TYPE, s(entry.targetType()));
        item.put(TARGET_ID, s(entry.targetId()));
        if (entry.detail() != null) {
            item.put(DETAIL, s(entry.detail()));
        }
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", DynamoDbUserStore.USER_ID)));
        } catch (ConditionalCheckFailedException alreadyLogged) {
            // A retried request: the first entry stands.
        }
    }

    @Override
    public AuditPage list(String cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        AuditCursors.Position after = AuditCursors.decode(cursor);
        Map<String, String> names = new HashMap<>(Map.of("#key", AUDIT_KEY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":audit", s(AUDIT_VALUE)));
        String condition = "#key = :audit";
        if (after != null) {
            names.put("#sort", AUDIT_SORT);
            values.put(":after", s(sortKey(after.at(), after.id())));
            condition += " AND #sort < :after";
        }
        List<AuditEntry> rows = reads.query(QueryRequest.builder().tableName(table).indexName(AUDIT_BY_TIME)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(false)
                        .build(), limit + 1)
                .stream().map(DynamoDbAuditLog::fromItem).toList();
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(page, AuditCursors.encode(page.get(limit - 1)));
    }

    private static String sortKey(java.time.Instant at, String id) {
        return SortableInstants.format(at) + "#" + id;
    }

    private static AuditEntry fromItem(Map<String, AttributeValue> item) {
        return new AuditEntry(string(item, ENTRY_ID), AttributeValues.instant(item, AT), string(item, ACTION),
                string(item, TARGET_TYPE), string(item, TARGET_ID), string(item, DETAIL));
    }
}
