package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.ChatDraft;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.port.ChatDrafts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.fxalert.core.store.dynamodb.AttributeValues.n;
import static dev.fxalert.core.store.dynamodb.AttributeValues.number;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;
import static dev.fxalert.core.store.dynamodb.AttributeValues.string;

/**
 * Issue 14: drafts of guided creation as items of the rate history table, as the update journal's entries are
 * ({@link DynamoDbUpdateJournal}): partition {@code pair = DRAFT#<chatId>} (never a currency pair, so no rate read
 * sees it), {@code observedKey = DRAFT}, {@code draftPair}, {@code draftDirection}, {@code draftExpiresAt} (N, epoch
 * millis) and {@code expiresAt} (N, epoch seconds: the table's TTL deletes it, up to days late, so reads compare
 * {@code draftExpiresAt} with the clock themselves). No new table, TTL setting or IAM action: the webhook may
 * already Query and PutItem there. A one-item strongly consistent Query reads it; {@link #clear} writes an expired
 * draft (PutItem) rather than deleting, so the webhook needs no DeleteItem.
 */
final class DynamoDbChatDrafts implements ChatDrafts {

    static final String PARTITION_PREFIX = "DRAFT#";
    static final String SORT_VALUE = "DRAFT";
    static final String PAIR = "draftPair";
    static final String DIRECTION = "draftDirection";
    static final String DRAFT_EXPIRES_AT = "draftExpiresAt";

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    DynamoDbChatDrafts(DynamoDbClient client, DynamoDbStoreConfig config, Clock clock) {
        this.client = client;
        this.table = config.rateHistoryTable();
        this.clock = clock;
    }

    @Override
    public Optional<ChatDraft> find(long chatId) {
        Optional<Map<String, AttributeValue>> found =
                DynamoDbRateHistory.sideItem(client, table, PARTITION_PREFIX + chatId, SORT_VALUE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = found.get();
        ChatDraft draft = new ChatDraft(chatId,
                item.containsKey(PAIR) ? CurrencyPair.parse(string(item, PAIR)) : null,
                item.containsKey(DIRECTION) ? Direction.valueOf(string(item, DIRECTION)) : null,
                Instant.ofEpochMilli(number(item, DRAFT_EXPIRES_AT, 0)));
        return draft.isLiveAt(clock.instant()) ? Optional.of(draft) : Optional.empty();
    }

    @Override
    public void save(ChatDraft draft) {
        Objects.requireNonNull(draft, "draft");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DynamoDbRateHistory.PAIR, s(PARTITION_PREFIX + draft.chatId()));
        item.put(DynamoDbRateHistory.SORT, s(SORT_VALUE));
        if (draft.pair() != null) {
            item.put(PAIR, s(draft.pair().toString()));
        }
        if (draft.direction() != null) {
            item.put(DIRECTION, s(draft.direction().name()));
        }
        item.put(DRAFT_EXPIRES_AT, n(draft.expiresAt().toEpochMilli()));
        item.put(DynamoDbRateHistory.EXPIRES_AT, n(draft.expiresAt().getEpochSecond() + 1));
        client.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void clear(long chatId) {
        save(new ChatDraft(chatId, null, null, clock.instant()));
    }
}
