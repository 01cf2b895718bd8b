package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.core.store.UserSearch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static dev.fxalert.core.store.dynamodb.AttributeValues.bool;
import static dev.fxalert.core.store.dynamodb.AttributeValues.flag;
import static dev.fxalert.core.store.dynamodb.AttributeValues.instant;
import static dev.fxalert.core.store.dynamodb.AttributeValues.n;
import static dev.fxalert.core.store.dynamodb.AttributeValues.number;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;
import static dev.fxalert.core.store.dynamodb.AttributeValues.string;

/**
 * Users keyed by id, plus one claim item per chat ({@code userId = CHAT#<chatId>}, written only if absent) that
 * makes the chat-to-user link unique without transactions: whoever writes the claim first decides the user id.
 */
final class DynamoDbUserStore implements UserStore {

    static final String USER_ID = "userId";
    static final String CHAT_ID = "chatId";
    static final String DISPLAY_NAME = "displayName";
    static final String LANGUAGE = "language";
    static final String CREATED_AT = "createdAt";
    /** Absent until the user sets one with /timezone. */
    static final String TIMEZONE = "timezone";
    /** Quiet hours and digest time (issue 15): absent when the user has none. */
    static final String QUIET_HOURS = "quietHours";
    static final String DIGEST_TIME = "digestTime";
    /** The local date (ISO) of the last digest claimed ({@link #claimDigest}). */
    static final String LAST_DIGEST_ON = "lastDigestOn";
    static final String ACTIVE = "active";
    /** Present ("ACTIVE") only on active users: the partition of the sparse index listActive pages through. */
    static final String ACTIVE_KEY = "activeKey";
    static final String ACTIVE_VALUE = "ACTIVE";
    static final String ACTIVE_BY_ID = "activeById";
    /** Digest batches (issue 15): the sparse index of users by digest time ({@link #DIGEST_TIME}), then id. */
    static final String DIGEST_BY_ID = "digestById";
    /** On a claim item: the user the chat belongs to. */
    static final String CLAIMED_BY = "claimedBy";

    private static final int LINK_ATTEMPTS = 5;

    private final DynamoDbClient client;
    private final String table;
    private final PagedReads reads;
    private final Clock clock;

    DynamoDbUserStore(DynamoDbClient client, DynamoDbStoreConfig config, Clock clock) {
        this.client = client;
        this.table = config.usersTable();
        this.reads = new PagedReads(client, config.pageSize(), new ReadCounter());
        this.clock = clock;
    }

    @Override
    public User linkChat(long chatId, String displayName, String language) {
        for (int attempt = 0; attempt < LINK_ATTEMPTS; attempt++) {
            Optional<String> owner = claimedBy(chatId);
            if (owner.isPresent()) {
                return activeUser(owner.get(), chatId, displayName, language);
            }
            String newId = UUID.randomUUID().toString();
            if (claim(chatId, newId)) {
                return activeUser(newId, chatId, displayName, language);
            }
            // Another caller claimed the chat between our read and our write: take theirs on the next round.
        }
        throw new IllegalStateException("could not link chat " + chatId + " after " + LINK_ATTEMPTS + " attempts");
    }

    /**
     * The user behind a claim, active. Creates the user item when the claim's writer has not yet (or crashed
     * before it did); every contender writes the same id, only the first write lands.
     */
    private User activeUser(String userId, long chatId, String displayName, String language) {
        Optional<User> existing = findById(userId);
        if (existing.isEmpty()) {
            User fresh = new User(userId, chatId, displayName, language, clock.instant(), true);
            try {
                client.putItem(b -> b.tableName(table).item(toItem(fresh))
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", USER_ID)));
                return fresh;
            } catch (ConditionalCheckFailedException writtenByTheOtherContender) {
                existing = findById(userId);
            }
        }
        User user = existing.orElseThrow(() -> new IllegalStateException("user " + userId + " vanished"));
        if (user.active()) {
            return user;
        }
        client.updateItem(b -> b.tableName(table).key(key(userId))
                .conditionExpression("attribute_exists(#id)")
                .updateExpression("SET #active = :true, #activeKey = :activeKey")
                .expressionAttributeNames(Map.of("#id", USER_ID, "#active", ACTIVE, "#activeKey", ACTIVE_KEY))
                .expressionAttributeValues(Map.of(":true", bool(true), ":activeKey", s(ACTIVE_VALUE))));
        return user.activated();
    }

    private Optional<String> claimedBy(long chatId) {
        return reads.get(table, key(claimKey(chatId))).map(item -> string(item, CLAIMED_BY));
    }

    private boolean claim(long chatId, String userId) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(Map.of(USER_ID, s(claimKey(chatId)), CLAIMED_BY, s(userId)))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", USER_ID)));
            return true;
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return false;
        }
    }

    @Override
    public boolean moveChat(String userId, long newChatId) {
        Optional<User> user = findById(userId);
        if (user.isEmpty()) {
            return false;
        }
        long oldChatId = user.get().chatId();
        if (!claim(newChatId, userId) && !claimedBy(newChatId).map(userId::equals).orElse(false)) {
            return false; // another user has that chat
        }
        client.updateItem(b -> b.tableName(table).key(key(userId))
                .conditionExpression("attribute_exists(#id)")
                .updateExpression("SET #chatId = :chatId")
                .expressionAttributeNames(Map.of("#id", USER_ID, "#chatId", CHAT_ID))
                .expressionAttributeValues(Map.of(":chatId", n(newChatId))));
        if (oldChatId != newChatId) {
            // Frees the old chat; only our own claim is removed.
            try {
                client.deleteItem(b -> b.tableName(table).key(key(claimKey(oldChatId)))
                        .conditionExpression("#claimedBy = :userId")
                        .expressionAttributeNames(Map.of("#claimedBy", CLAIMED_BY))
                        .expressionAttributeValues(Map.of(":userId", s(userId))));
            } catch (ConditionalCheckFailedException notOurs) {
                // already released or re-claimed by someone else: nothing of ours to free
            }
        }
        return true;
    }

    @Override
    public Optional<User> findByChatId(long chatId) {
        return claimedBy(chatId).flatMap(this::findById);
    }

    @Override
    public java.util.Map<String, User> findByIds(java.util.Collection<String> userIds) {
        java.util.Map<String, User> found = new java.util.HashMap<>();
        List<String> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < ids.size(); from += 100) { // BatchGetItem takes at most 100 keys
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .map(DynamoDbUserStore::key).toList();
            reads.batchGet(table, keys).stream().filter(DynamoDbUserStore::isUser).map(DynamoDbUserStore::fromItem)
                    .forEach(user -> found.put(user.id(), user));
        }
        return found;
    }

    @Override
    public Optional<User> findById(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return reads.get(table, key(userId)).filter(DynamoDbUserStore::isUser).map(DynamoDbUserStore::fromItem);
    }

    @Override
    public boolean setLanguage(String userId, String language) {
        if (userId == null) {
            return false;
        }
        try {
            // attribute_exists(chatId): a user item, never a chat claim or a new item made up by the update.
            client.updateItem(b -> b.tableName(table).key(key(userId))
                    .conditionExpression("attribute_exists(#chatId)")
                    .updateExpression("SET #language = :language")
                    .expressionAttributeNames(Map.of("#chatId", CHAT_ID, "#language", LANGUAGE))
                    .expressionAttributeValues(Map.of(":language", s(language))));
            return true;
        } catch (ConditionalCheckFailedException unknownUser) {
            return false;
        }
    }

    @Override
    public boolean setTimezone(String userId, String timezone) {
        if (userId == null) {
            return false;
        }
        try {
            client.updateItem(b -> b.tableName(table).key(key(userId))
                    .conditionExpression("attribute_exists(#chatId)")
                    .updateExpression("SET #timezone = :timezone")
                    .expressionAttributeNames(Map.of("#chatId", CHAT_ID, "#timezone", TIMEZONE))
                    .expressionAttributeValues(Map.of(":timezone", s(timezone))));
            return true;
        } catch (ConditionalCheckFailedException unknownUser) {
            return false;
        }
    }

    @Override
    public boolean setQuietHours(String userId, String quietHours) {
        return setOrRemove(userId, QUIET_HOURS, quietHours);
    }

    @Override
    public boolean setDigestTime(String userId, String digestTime) {
        return setOrRemove(userId, DIGEST_TIME, digestTime);
    }

    @Override
    public boolean claimDigest(String userId, java.time.LocalDate date) {
        if (userId == null) {
            return false;
        }
        try {
            // ISO dates compare as strings in date order; the condition makes one caller per date win.
            client.updateItem(b -> b.tableName(table).key(key(userId))
                    .conditionExpression("attribute_exists(#chatId) AND (attribute_not_exists(#last) OR #last < :day)")
                    .updateExpression("SET #last = :day")
                    .expressionAttributeNames(Map.of("#chatId", CHAT_ID, "#last", LAST_DIGEST_ON))
                    .expressionAttributeValues(Map.of(":day", s(date.toString()))));
            return true;
        } catch (ConditionalCheckFailedException claimedOrUnknown) {
            return false;
        }
    }

    /** Sets an optional attribute of a user item, or removes it for null; false when the user is unknown. */
    private boolean setOrRemove(String userId, String attribute, String value) {
        if (userId == null) {
            return false;
        }
        try {
            client.updateItem(b -> {
                b.tableName(table).key(key(userId))
                        .conditionExpression("attribute_exists(#chatId)")
                        .expressionAttributeNames(Map.of("#chatId", CHAT_ID, "#value", attribute));
                if (value == null) {
                    b.updateExpression("REMOVE #value");
                } else {
                    b.updateExpression("SET #value = :value").expressionAttributeValues(Map.of(":value", s(value)));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException unknownUser) {
            return false;
        }
    }

    @Override
    public boolean deactivate(String userId) {
        if (userId == null) {
            return false;
        }
        try {
            client.updateItem(b -> b.tableName(table).key(key(userId))
                    .conditionExpression("#active = :true AND attribute_exists(#chatId)")
                    .updateExpression("SET #active = :false REMOVE #activeKey")
                    .expressionAttributeNames(Map.of("#active", ACTIVE, "#chatId", CHAT_ID, "#activeKey", ACTIVE_KEY))
                    .expressionAttributeValues(Map.of(":true", bool(true), ":false", bool(false))));
            return true;
        } catch (ConditionalCheckFailedException unknownOrAlreadyInactive) {
            return false;
        }
    }

    @Override
    public boolean reactivate(String userId) {
        if (userId == null) {
            return false;
        }
        try {
            client.updateItem(b -> b.tableName(table).key(key(userId))
                    .conditionExpression("#active = :false AND attribute_exists(#chatId)")
                    .updateExpression("SET #active = :true, #activeKey = :activeValue")
                    .expressionAttributeNames(Map.of("#active", ACTIVE, "#chatId", CHAT_ID, "#activeKey", ACTIVE_KEY))
                    .expressionAttributeValues(Map.of(":true", bool(true), ":false", bool(false),
                            ":activeValue", s(ACTIVE_VALUE))));
            return true;
        } catch (ConditionalCheckFailedException unknownOrAlreadyActive) {
            return false;
        }
    }

    @Override
    public List<User> search(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (text == null || text.isBlank()) {
            return List.of();
        }
        // Operator search: a Scan of the user items (claims and audit entries have no chatId), matched in code so
        // the name match ignores case like the embedded store's.
        List<User> found = new java.util.ArrayList<>();
        reads.scan(ScanRequest.builder().tableName(table)
                .filterExpression("attribute_exists(#chatId)")
                .expressionAttributeNames(Map.of("#chatId", CHAT_ID))
                .build(), item -> {
            User user = fromItem(item);
            if (UserSearch.matches(user, text)) {
                found.add(user);
            }
        });
        return found.stream().sorted(UserSearch.ORDER).limit(limit).toList();
    }

    @Override
    public UserCounts counts() {
        AtomicLong active = new AtomicLong();
        AtomicLong inactive = new AtomicLong();
        // Operator statistics: a projected Scan (claims are skipped, they have no chatId).
        reads.scan(ScanRequest.builder().tableName(table)
                .projectionExpression("#active")
                .filterExpression("attribute_exists(#chatId)")
                .expressionAttributeNames(Map.of("#active", ACTIVE, "#chatId", CHAT_ID))
                .build(), item -> (flag(item, ACTIVE) ? active : inactive).incrementAndGet());
        return new UserCounts(active.get(), inactive.get());
    }

    @Override
    public List<User> listByDigestTime(String digestTime, String afterUserId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        // Sparse: only users with a digest time are in digestById. Inactive users are filtered out by DynamoDB so
        // a page holds what is asked for.
        Map<String, String> names = new HashMap<>(Map.of("#digestTime", DIGEST_TIME, "#active", ACTIVE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":time", s(digestTime), ":true", bool(true)));
        String condition = "#digestTime = :time";
        if (afterUserId != null) {
            names.put("#id", USER_ID);
            values.put(":after", s(afterUserId));
            condition += " AND #id > :after";
        }
        return reads.query(QueryRequest.builder().tableName(table).indexName(DIGEST_BY_ID)
                        .keyConditionExpression(condition)
                        .filterExpression("#active = :true")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(true)
                        .build(), limit)
                .stream().map(DynamoDbUserStore::fromItem).toList();
    }

    @Override
    public List<User> listActive(String afterUserId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Map<String, String> names = new HashMap<>(Map.of("#activeKey", ACTIVE_KEY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":active", s(ACTIVE_VALUE)));
        String condition = "#activeKey = :active";
        if (afterUserId != null) {
            names.put("#id", USER_ID);
            values.put(":after", s(afterUserId));
            condition += " AND #id > :after";
        }
        return reads.query(QueryRequest.builder().tableName(table).indexName(ACTIVE_BY_ID)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(true)
                        .build(), limit)
                .stream().map(DynamoDbUserStore::fromItem).filter(User::active).toList();
    }

    private static String claimKey(long chatId) {
        return "CHAT#" + chatId;
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of(USER_ID, s(userId));
    }

    private static boolean isUser(Map<String, AttributeValue> item) {
        return item.containsKey(CHAT_ID);
    }

    private static Map<String, AttributeValue> toItem(User user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USER_ID, s(user.id()));
        item.put(CHAT_ID, n(user.chatId()));
        item.put(DISPLAY_NAME, s(user.displayName()));
        item.put(LANGUAGE, s(user.language()));
        item.put(CREATED_AT, instant(user.createdAt()));
        item.put(ACTIVE, bool(user.active()));
        if (user.timezone() != null) {
            item.put(TIMEZONE, s(user.timezone()));
        }
        if (user.quietHours() != null) {
            item.put(QUIET_HOURS, s(user.quietHours()));
        }
        if (user.digestTime() != null) {
            item.put(DIGEST_TIME, s(user.digestTime()));
        }
        if (user.active()) {
            item.put(ACTIVE_KEY, s(ACTIVE_VALUE));
        }
        return item;
    }

    private static User fromItem(Map<String, AttributeValue> item) {
        return new User(string(item, USER_ID), number(item, CHAT_ID, 0), string(item, DISPLAY_NAME),
                string(item, LANGUAGE), AttributeValues.instant(item, CREATED_AT), flag(item, ACTIVE),
                string(item, TIMEZONE), string(item, QUIET_HOURS), string(item, DIGEST_TIME));
    }
}
