package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.port.AlertPage;
import dev.fxalert.core.port.AlertQuery;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.store.AlertCursors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Predicate;

import static dev.fxalert.core.store.dynamodb.AlertItems.ARMED_BY_THRESHOLD;
import static dev.fxalert.core.store.dynamodb.AlertItems.ARMED_KEY;
import static dev.fxalert.core.store.dynamodb.AlertItems.BY_OWNER;
import static dev.fxalert.core.store.dynamodb.AlertItems.EVENT_ID;
import static dev.fxalert.core.store.dynamodb.AlertItems.FIRED_AT;
import static dev.fxalert.core.store.dynamodb.AlertItems.SNOOZED_UNTIL;
import static dev.fxalert.core.store.dynamodb.AlertItems.FIRE_COUNT;
import static dev.fxalert.core.store.dynamodb.AlertItems.ID;
import static dev.fxalert.core.store.dynamodb.AlertItems.MODE;
import static dev.fxalert.core.store.dynamodb.AlertItems.PAIR;
import static dev.fxalert.core.store.dynamodb.AlertItems.PENDING;
import static dev.fxalert.core.store.dynamodb.AlertItems.PENDING_BY_FIRED_AT;
import static dev.fxalert.core.store.dynamodb.AlertItems.PENDING_KEY;
import static dev.fxalert.core.store.dynamodb.AlertItems.PENDING_SORT;
import static dev.fxalert.core.store.dynamodb.AlertItems.PUSH_ATTEMPTS;
import static dev.fxalert.core.store.dynamodb.AlertItems.PUSH_DEAD_LETTER;
import static dev.fxalert.core.store.dynamodb.AlertItems.PUSH_NEXT_ATTEMPT_AT;
import static dev.fxalert.core.store.dynamodb.AlertItems.PUSH_OUTCOME_UNKNOWN;
import static dev.fxalert.core.store.dynamodb.AlertItems.PUSH_PENDING;
import static dev.fxalert.core.store.dynamodb.AlertItems.REARMABLE_BY_BOUNDARY;
import static dev.fxalert.core.store.dynamodb.AlertItems.REARM_BOUNDARY;
import static dev.fxalert.core.store.dynamodb.AlertItems.REARM_KEY;
import static dev.fxalert.core.store.dynamodb.AlertItems.SIDE;
import static dev.fxalert.core.store.dynamodb.AlertItems.STATE;
import static dev.fxalert.core.store.dynamodb.AlertItems.THRESHOLD;
import static dev.fxalert.core.store.dynamodb.AlertItems.USER_ID;
import static dev.fxalert.core.store.dynamodb.AlertItems.WATCHING_BY_PAIR;
import static dev.fxalert.core.store.dynamodb.AlertItems.WATCH_KEY;
import static dev.fxalert.core.store.dynamodb.AttributeValues.bool;
import static dev.fxalert.core.store.dynamodb.AttributeValues.instant;
import static dev.fxalert.core.store.dynamodb.AttributeValues.n;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;

/**
 * Alerts in one DynamoDB table with sparse indexes, written only with single-item conditional writes
 * (see docs/dynamodb.md for the key design and what each operation reads).
 */
public final class DynamoDbAlertStore implements AlertStore {

    private final DynamoDbClient client;
    private final String table;
    private final PagedReads reads;
    private final ReadCounter counter;
    private final AlertLimits limits;
    private final PairRegistry pairs;
    private final MoveWindowRegistry moveWindows;

    DynamoDbAlertStore(DynamoDbClient client, DynamoDbStoreConfig config) {
        this.client = client;
        this.table = config.alertsTable();
        this.counter = new ReadCounter();
        this.reads = new PagedReads(client, config.pageSize(), counter);
        this.limits = new AlertLimits(client, table, config.maxAlertsPerUser());
        this.pairs = new PairRegistry(client, table, reads);
        this.moveWindows = new MoveWindowRegistry(client, table, reads);
    }

    /** What this store has read so far; the benchmark reports the difference around findCrossed. */
    public ReadCounter reads() {
        return counter;
    }

    @Override
    public Alert create(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        String owner = alert.owner().userId();
        // A redelivered create: the stored alert, without taking a slot.
        Optional<Alert> existing = get(owner, alert.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        // Register the pair first: should a later step fail, the registry only holds a pair nobody watches.
        pairs.register(alert.pair());
        if (alert.isMove()) {
            moveWindows.register(alert.pair(), alert.move().window());
        }
        try {
            limits.reserveSlot(owner);
        } catch (AlertLimitExceededException full) {
            // A racing create of this very id may have taken the last slot.
            return get(owner, alert.id()).orElseThrow(() -> full);
        }
        try {
            client.putItem(b -> b.tableName(table).item(AlertItems.toItem(alert))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)));
        } catch (ConditionalCheckFailedException e) {
            limits.releaseSlot(owner);
            return get(owner, alert.id()).orElseThrow(() ->
                    new IllegalArgumentException("an alert with id " + alert.id() + " already exists", e));
        } catch (RuntimeException e) {
            limits.releaseSlot(alert.owner().userId());
            throw e;
        }
        return alert;
    }

    @Override
    public List<Alert> listByOwner(String userId) {
        Objects.requireNonNull(userId, "userId");
        return reads.query(QueryRequest.builder().tableName(table).indexName(BY_OWNER)
                        .keyConditionExpression("#user = :user")
                        .expressionAttributeNames(Map.of("#user", USER_ID))
                        .expressionAttributeValues(Map.of(":user", s(userId)))
                        .build())
                .stream().map(AlertItems::fromItem).toList();
    }

    @Override
    public Optional<Alert> get(String userId, String alertId) {
        if (userId == null || alertId == null) {
            return Optional.empty();
        }
        return reads.get(table, AlertItems.key(alertId))
                .filter(AlertItems::isAlert)
                .map(AlertItems::fromItem)
                .filter(alert -> alert.owner().userId().equals(userId));
    }

    @Override
    public Optional<Alert> findById(String alertId) {
        if (alertId == null) {
            return Optional.empty();
        }
        return reads.get(table, AlertItems.key(alertId)).filter(AlertItems::isAlert).map(AlertItems::fromItem);
    }

    @Override
    public boolean delete(String userId, String alertId) {
        if (userId == null || alertId == null) {
            return false;
        }
        try {
            client.deleteItem(b -> b.tableName(table).key(AlertItems.key(alertId))
                    .conditionExpression("#user = :user AND attribute_exists(#state)")
                    .expressionAttributeNames(Map.of("#user", USER_ID, "#state", STATE))
                    .expressionAttributeValues(Map.of(":user", s(userId))));
        } catch (ConditionalCheckFailedException notTheOwnersOrGone) {
            return false;
        }
        limits.releaseSlot(userId);
        return true;
    }

    @Override
    public Optional<Alert> pause(String userId, String alertId) {
        if (userId == null || alertId == null) {
            return Optional.empty();
        }
        Optional<Alert> paused = ownerTransition(userId, alertId, Set.of(AlertState.ARMED, AlertState.FIRED),
                "SET #state = :next REMOVE #armedKey, #rearmKey, #watchKey",
                Map.of("#armedKey", ARMED_KEY, "#rearmKey", REARM_KEY, "#watchKey", WATCH_KEY),
                Map.of(":next", s(AlertState.PAUSED.name())));
        return paused.isPresent() ? paused : get(userId, alertId);
    }

    @Override
    public Optional<Alert> resume(String userId, String alertId) {
        if (userId == null || alertId == null) {
            return Optional.empty();
        }
        // The index keys are copied from attributes every alert item carries, so no read is needed first.
        Optional<Alert> resumed = ownerTransition(userId, alertId, Set.of(AlertState.PAUSED, AlertState.FIRED),
                "SET #state = :next, #armedKey = #side, #watchKey = #pair REMOVE #rearmKey",
                Map.of("#armedKey", ARMED_KEY, "#rearmKey", REARM_KEY, "#watchKey", WATCH_KEY, "#side", SIDE,
                        "#pair", PAIR),
                Map.of(":next", s(AlertState.ARMED.name())));
        return resumed.isPresent() ? resumed : get(userId, alertId);
    }

    @Override
    public int moveChat(String userId, long newChatId) {
        int moved = 0;
        for (Alert alert : listByOwner(userId)) {
            try {
                client.updateItem(b -> b.tableName(table).key(AlertItems.key(alert.id()))
                        .conditionExpression("#userId = :userId")
                        .updateExpression("SET #chatId = :chatId")
                        .expressionAttributeNames(Map.of("#userId", AlertItems.USER_ID, "#chatId", AlertItems.CHAT_ID))
                        .expressionAttributeValues(Map.of(":userId", s(userId), ":chatId", n(newChatId))));
                moved++;
            } catch (ConditionalCheckFailedException deletedMeanwhile) {
                // gone: nothing to move
            }
        }
        return moved;
    }

    @Override
    public int pauseAllOf(String userId) {
        int changed = 0;
        for (Alert alert : listByOwner(userId)) {
            if (alert.state() != AlertState.PAUSED && ownerTransition(userId, alert.id(),
                    Set.of(AlertState.ARMED, AlertState.FIRED),
                    "SET #state = :next REMOVE #armedKey, #rearmKey, #watchKey",
                    Map.of("#armedKey", ARMED_KEY, "#rearmKey", REARM_KEY, "#watchKey", WATCH_KEY),
                    Map.of(":next", s(AlertState.PAUSED.name()))).isPresent()) {
                changed++;
            }
        }
        return changed;
    }

    @Override
    public Optional<Alert> snooze(String userId, String alertId, Instant until) {
        Objects.requireNonNull(until, "until");
        return ownerRewrite(userId, alertId, alert -> alert.snooze(until));
    }

    @Override
    public Optional<Alert> moveThreshold(String userId, String alertId, BigDecimal threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return ownerRewrite(userId, alertId, alert -> alert.moveThreshold(threshold));
    }

    // Quiet hours released (issue 15, branch quiet15b).
    @Override
    public int releaseHeldPushes(String userId, Instant heldUntil, Instant dueAt) {
        Objects.requireNonNull(heldUntil, "heldUntil");
        Objects.requireNonNull(dueAt, "dueAt");
        int released = 0;
        // The owner's alerts (byOwner, at most the per-user limit); each move is one conditional write on the push
        // as read: still pending for that firing and still held until heldUntil.
        for (Alert alert : listByOwner(userId)) {
            if (!alert.pushPending() || alert.lastFiring() == null || !heldUntil.equals(alert.push().nextAttemptAt())) {
                continue;
            }
            Instant due = alert.pushDueAt(dueAt);
            if (updatePendingPush(alert.id(), alert.lastFiring().eventId(), "#next = :held",
                    "SET #next = :next, #pendingSort = :pendingSort",
                    Map.of("#next", PUSH_NEXT_ATTEMPT_AT, "#pendingSort", PENDING_SORT),
                    Map.of(":held", AttributeValues.instant(heldUntil), ":next", AttributeValues.instant(due),
                            ":pendingSort", s(AlertItems.pendingSort(due, alert.id()))))) {
                released++;
            }
        }
        return released;
    }

    /**
     * An owner's change computed by the domain ({@code change}) on the alert as read, written back whole (its index
     * keys follow from the new state) on condition that nothing another writer changes (state, last firing, the
     * outbox entry, threshold, snooze) changed since the read; read again and retried when it did. A PAUSED alert
     * is returned as it is. Empty when not the owner's or gone.
     */
    private Optional<Alert> ownerRewrite(String userId, String alertId, java.util.function.UnaryOperator<Alert> change) {
        if (userId == null || alertId == null) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Alert> read = get(userId, alertId);
            if (read.isEmpty() || read.get().state() == AlertState.PAUSED) {
                return read;
            }
            Alert before = read.get();
            Map<String, AttributeValue> old = AlertItems.toItem(before);
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> conditions = new ArrayList<>();
            int i = 0;
            for (String attribute : List.of(USER_ID, STATE, THRESHOLD, EVENT_ID, PUSH_PENDING, PUSH_ATTEMPTS,
                    PUSH_NEXT_ATTEMPT_AT, PUSH_DEAD_LETTER, SNOOZED_UNTIL)) {
                names.put("#c" + i, attribute);
                if (old.containsKey(attribute)) {
                    values.put(":c" + i, old.get(attribute));
                    conditions.add("#c" + i + " = :c" + i);
                } else {
                    conditions.add("attribute_not_exists(#c" + i + ")");
                }
                i++;
            }
            Alert after = change.apply(before);
            try {
                client.putItem(b -> b.tableName(table).item(AlertItems.toItem(after))
                        .conditionExpression(String.join(" AND ", conditions))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values.isEmpty() ? null : values));
                return Optional.of(after);
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                // evaluation or delivery wrote in between: read again and apply the change to what is there now
            }
        }
        return get(userId, alertId);
    }

    /** A conditional owner-scoped state change; empty when not the owner's, gone, or not in one of {@code from}. */
    private Optional<Alert> ownerTransition(String userId, String alertId, Set<AlertState> from, String update,
                                            Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#user", USER_ID);
        allNames.put("#state", STATE);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":user", s(userId));
        List<String> placeholders = new ArrayList<>();
        for (AlertState state : from) {
            String placeholder = ":from" + state.ordinal();
            placeholders.add(placeholder);
            allValues.put(placeholder, s(state.name()));
        }
        try {
            UpdateItemResponse response = client.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(AlertItems.key(alertId))
                    .conditionExpression("#user = :user AND #state IN (" + String.join(", ", placeholders) + ")")
                    .updateExpression(update)
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build());
            return Optional.of(AlertItems.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Alert> findCrossed(CurrencyPair pair, RateKind kind, BigDecimal rate) {
        // ABOVE fires when threshold <= rate, BELOW when threshold >= rate.
        return readBothDirections(ARMED_BY_THRESHOLD, ARMED_KEY, THRESHOLD, "#threshold <= :rate",
                "#threshold >= :rate", pair, kind, rate, alert -> alert.firesAt(rate));
    }

    @Override
    public List<Alert> findRearmable(CurrencyPair pair, RateKind kind, BigDecimal rate) {
        // ABOVE re-arms when rate < boundary, BELOW when rate > boundary.
        return readBothDirections(REARMABLE_BY_BOUNDARY, REARM_KEY, REARM_BOUNDARY, "#threshold > :rate",
                "#threshold < :rate", pair, kind, rate, alert -> alert.rearmsAt(rate));
    }

    /** Both directions of a crossing or re-arm read: one {@link #rangeOf} per direction. */
    private List<Alert> readBothDirections(String index, String keyAttribute, String sortAttribute, String aboveRange,
                                           String belowRange, CurrencyPair pair, RateKind kind, BigDecimal rate,
                                           Predicate<Alert> stillMatches) {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rate, "rate");
        List<Alert> found = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            String range = direction == Direction.ABOVE ? aboveRange : belowRange;
            found.addAll(rangeOf(index, keyAttribute, sortAttribute, range, pair, kind, direction, rate, stillMatches));
        }
        return found;
    }

    /**
     * One side's range read on a sparse index. The predicate only guards against an index entry older than its
     * item (GSIs are eventually consistent); the conditional transition that follows re-checks the state anyway.
     */
    private List<Alert> rangeOf(String index, String partition, String sort, String range, CurrencyPair pair,
                                RateKind kind, Direction direction, BigDecimal rate, Predicate<Alert> stillMatches) {
        return reads.query(QueryRequest.builder().tableName(table).indexName(index)
                        .keyConditionExpression("#side = :side AND " + range)
                        .expressionAttributeNames(Map.of("#side", partition, "#threshold", sort))
                        .expressionAttributeValues(Map.of(":side", s(AlertItems.side(pair, kind, direction)),
                                ":rate", n(rate)))
                        .build())
                .stream().map(AlertItems::fromItem).filter(stillMatches).toList();
    }

    @Override
    public boolean markFired(String alertId, Firing firing) {
        Objects.requireNonNull(firing, "firing");
        // The mode decides whether the fired alert enters the re-arm index; it never changes, so read it first.
        Optional<Alert> current = reads.get(table, AlertItems.key(alertId))
                .filter(AlertItems::isAlert).map(AlertItems::fromItem);
        if (current.isEmpty() || current.get().state() != AlertState.ARMED
                || (current.get().lastFiring() != null && current.get().lastFiring().eventId().equals(firing.eventId()))) {
            return false;
        }
        return fire(alertId, current.get().mode(), firing, current.get().pushDueAt(firing.firedAt()));
    }

    @Override
    public boolean markFired(Alert alert, Firing firing, Instant dueAt) {
        Objects.requireNonNull(firing, "firing");
        Objects.requireNonNull(dueAt, "dueAt");
        // One conditional write, no read: the caller read the alert (its mode never changes) and the condition
        // re-checks the state and the last firing's event on the item itself.
        return fire(alert.id(), alert.mode(), firing, alert.pushDueAt(dueAt));
    }

    private boolean fire(String alertId, AlertMode mode, Firing firing, Instant dueAt) {
        Map<String, String> names = new HashMap<>(Map.of("#state", STATE, "#firedAt", FIRED_AT,
                "#fireCount", FIRE_COUNT, "#pushPending", PUSH_PENDING, "#pendingKey", PENDING_KEY,
                "#pendingSort", PENDING_SORT, "#armedKey", ARMED_KEY));
        names.put("#firedBy", EVENT_ID);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":armed", s(AlertState.ARMED.name()),
                ":fired", s(AlertState.FIRED.name()), ":firedAt", instant(firing.firedAt()), ":one", n(1),
                ":zero", n(0), ":true", bool(true), ":pending", s(PENDING),
                ":pendingSort", s(AlertItems.pendingSort(dueAt, alertId))));
        values.put(":firedBy", s(firing.eventId()));
        values.put(":dueAt", instant(dueAt));
        // A new firing is a fresh outbox entry: due now, no attempts, no dead letter from an earlier firing.
        names.putAll(Map.of("#attempts", PUSH_ATTEMPTS, "#nextAttempt", PUSH_NEXT_ATTEMPT_AT,
                "#unknown", PUSH_OUTCOME_UNKNOWN, "#dead", PUSH_DEAD_LETTER));
        values.put(":false", bool(false));
        StringBuilder set = new StringBuilder("SET #state = :fired, #firedAt = :firedAt, "
                + "#fireCount = if_not_exists(#fireCount, :zero) + :one, #pushPending = :true, "
                + "#pendingKey = :pending, #pendingSort = :pendingSort, #attempts = :zero, #nextAttempt = :dueAt, "
                + "#unknown = :false");
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : AlertItems.firingAttributes(firing).entrySet()) {
            names.put("#f" + i, attribute.getKey());
            values.put(":f" + i, attribute.getValue());
            set.append(", #f").append(i).append(" = :f").append(i);
            i++;
        }
        if (mode == AlertMode.REARM) {
            names.put("#rearmKey", REARM_KEY);
            names.put("#side", SIDE);
            set.append(", #rearmKey = #side");
        }
        names.put("#snoozed", SNOOZED_UNTIL);
        values.put(":dueMillis", n(dueAt.toEpochMilli()));
        try {
            client.updateItem(b -> b.tableName(table).key(AlertItems.key(alertId))
                    // the event that fired it last, delivered again after a re-arm, must not fire it twice; a
                    // snooze pressed after the caller read the alert must still hold the push (retried below)
                    .conditionExpression("#state = :armed AND (attribute_not_exists(#firedBy) OR #firedBy <> :firedBy)"
                            + " AND (attribute_not_exists(#snoozed) OR #snoozed <= :dueMillis)")
                    .updateExpression(set + " REMOVE #armedKey, #dead")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException someoneElseFiredItOrItChanged) {
            Optional<Alert> now = reads.get(table, AlertItems.key(alertId))
                    .filter(AlertItems::isAlert).map(AlertItems::fromItem);
            if (now.isPresent() && now.get().state() == AlertState.ARMED
                    && (now.get().lastFiring() == null || !now.get().lastFiring().eventId().equals(firing.eventId()))
                    && now.get().pushDueAt(dueAt).isAfter(dueAt)) {
                return fire(alertId, mode, firing, now.get().pushDueAt(dueAt));
            }
            return false;
        }
    }

    @Override
    public boolean rearm(String alertId) {
        try {
            client.updateItem(b -> b.tableName(table).key(AlertItems.key(alertId))
                    .conditionExpression("#state = :fired AND #mode = :rearm")
                    .updateExpression("SET #state = :armed, #armedKey = #side REMOVE #rearmKey")
                    .expressionAttributeNames(Map.of("#state", STATE, "#mode", MODE, "#armedKey", ARMED_KEY,
                            "#side", SIDE, "#rearmKey", REARM_KEY))
                    .expressionAttributeValues(Map.of(":fired", s(AlertState.FIRED.name()),
                            ":rearm", s(AlertMode.REARM.name()), ":armed", s(AlertState.ARMED.name()))));
            return true;
        } catch (ConditionalCheckFailedException notFiredAnymore) {
            return false;
        }
    }

    @Override
    public List<Alert> findPendingPushes(Instant dueBy, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return reads.query(QueryRequest.builder().tableName(table).indexName(PENDING_BY_FIRED_AT)
                        .keyConditionExpression("#pendingKey = :pending AND #pendingSort < :due")
                        .expressionAttributeNames(Map.of("#pendingKey", PENDING_KEY, "#pendingSort", PENDING_SORT))
                        .expressionAttributeValues(Map.of(":pending", s(PENDING),
                                ":due", s(AlertItems.pendingSortUpperBound(dueBy))))
                        .scanIndexForward(true)
                        .build(), limit)
                .stream().map(AlertItems::fromItem).filter(Alert::pushPending).toList();
    }

    @Override
    public boolean recordPushFailure(String alertId, String eventId, Instant nextAttemptAt) {
        return updatePendingPush(alertId, eventId,
                "SET #attempts = if_not_exists(#attempts, :zero) + :one, #next = :next, #pendingSort = :pendingSort",
                Map.of("#attempts", PUSH_ATTEMPTS, "#next", PUSH_NEXT_ATTEMPT_AT, "#pendingSort", PENDING_SORT),
                Map.of(":zero", n(0), ":one", n(1), ":next", AttributeValues.instant(nextAttemptAt),
                        ":pendingSort", s(AlertItems.pendingSort(nextAttemptAt, alertId))));
    }

    @Override
    public boolean holdPush(String alertId, String eventId, Instant dueAt) {
        return updatePendingPush(alertId, eventId, "SET #next = :next, #pendingSort = :pendingSort",
                Map.of("#next", PUSH_NEXT_ATTEMPT_AT, "#pendingSort", PENDING_SORT),
                Map.of(":next", AttributeValues.instant(dueAt),
                        ":pendingSort", s(AlertItems.pendingSort(dueAt, alertId))));
    }

    @Override
    public boolean deadLetterPush(String alertId, String eventId, String reason, boolean outcomeUnknown) {
        Objects.requireNonNull(eventId, "eventId");
        String text = reason == null || reason.isBlank() ? "given up" : reason.strip();
        // Moves the item from the PENDING to the DEAD partition of the same sparse index, ordered by firing time.
        Optional<Alert> current = reads.get(table, AlertItems.key(alertId))
                .filter(AlertItems::isAlert).map(AlertItems::fromItem);
        if (current.isEmpty() || current.get().lastFiring() == null) {
            return false;
        }
        String deadSort = AlertItems.pendingSort(current.get().lastFiring().firedAt(), alertId);
        return updatePendingPush(alertId, eventId, "SET #pushPending = :false, #dead = :reason, #unknown = :unknown, "
                        + "#pendingKey = :deadKey, #pendingSort = :deadSort",
                Map.of("#dead", PUSH_DEAD_LETTER, "#unknown", PUSH_OUTCOME_UNKNOWN,
                        "#pendingKey", PENDING_KEY, "#pendingSort", PENDING_SORT),
                Map.of(":false", bool(false), ":reason", s(text), ":unknown", bool(outcomeUnknown),
                        ":deadKey", s(AlertItems.DEAD), ":deadSort", s(deadSort)));
    }

    @Override
    public List<Alert> findDeadLetters(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return reads.query(QueryRequest.builder().tableName(table).indexName(PENDING_BY_FIRED_AT)
                        .keyConditionExpression("#pendingKey = :dead")
                        .expressionAttributeNames(Map.of("#pendingKey", PENDING_KEY))
                        .expressionAttributeValues(Map.of(":dead", s(AlertItems.DEAD)))
                        .scanIndexForward(false)
                        .build(), limit)
                .stream().map(AlertItems::fromItem).filter(alert -> alert.push().deadLettered()).toList();
    }

    @Override
    public boolean markPushDelivered(String alertId, String eventId) {
        return updatePendingPush(alertId, eventId, "SET #pushPending = :false REMOVE #pendingKey, #pendingSort",
                Map.of("#pendingKey", PENDING_KEY, "#pendingSort", PENDING_SORT), Map.of(":false", bool(false)));
    }

    /**
     * One conditional UpdateItem on the pending push of {@code eventId}: {@code update} applies only while that
     * push is still pending (a delivery, a dead letter or a newer firing may have settled or replaced it); false
     * when it was not. The condition's own names and values ({@code #pushPending}, {@code #eventId}, {@code :true},
     * {@code :eventId}) are added here.
     */
    private boolean updatePendingPush(String alertId, String eventId, String update, Map<String, String> names,
                                      Map<String, AttributeValue> values) {
        return updatePendingPush(alertId, eventId, null, update, names, values);
    }

    /** As above, on the further {@code condition} (null for none) over the caller's names and values. */
    private boolean updatePendingPush(String alertId, String eventId, String condition, String update,
                                      Map<String, String> names, Map<String, AttributeValue> values) {
        Objects.requireNonNull(eventId, "eventId");
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pushPending", PUSH_PENDING);
        allNames.put("#eventId", EVENT_ID);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":true", bool(true));
        allValues.put(":eventId", s(eventId));
        try {
            client.updateItem(b -> b.tableName(table).key(AlertItems.key(alertId))
                    .conditionExpression("#pushPending = :true AND #eventId = :eventId"
                            + (condition == null ? "" : " AND " + condition))
                    .updateExpression(update)
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues));
            return true;
        } catch (ConditionalCheckFailedException notThatPushOrNotPending) {
            return false;
        }
    }

    // issue 14: percent-move alerts and expiry (branch move14)

    @Override
    public Set<Duration> moveWindows(CurrencyPair pair) {
        Objects.requireNonNull(pair, "pair");
        return moveWindows.registered(pair);
    }

    @Override
    public List<Alert> findMoved(CurrencyPair pair, Duration window, BigDecimal signedPercent) {
        List<Alert> found = new ArrayList<>();
        MoveWay.firing(signedPercent).forEach((way, along) ->
                found.addAll(moveRange(ARMED_BY_THRESHOLD, "#threshold <= :rate", pair, window, way, along,
                        alert -> alert.firesOnMove(signedPercent))));
        return found;
    }

    @Override
    public List<Alert> findMoveRearmable(CurrencyPair pair, Duration window, BigDecimal signedPercent) {
        List<Alert> found = new ArrayList<>();
        for (MoveWay way : MoveWay.values()) {
            found.addAll(moveRange(REARMABLE_BY_BOUNDARY, "#threshold > :rate", pair, window, way,
                    way.along(signedPercent), alert -> alert.rearmsOnMove(signedPercent)));
        }
        return found;
    }

    /** One way's range read in its move partition of the crossing or re-arm index (see {@link AlertItems#moveSide}). */
    private List<Alert> moveRange(String index, String range, CurrencyPair pair, Duration window, MoveWay way,
                                  BigDecimal along, Predicate<Alert> stillMatches) {
        boolean armed = index.equals(ARMED_BY_THRESHOLD);
        return reads.query(QueryRequest.builder().tableName(table).indexName(index)
                        .keyConditionExpression("#side = :side AND " + range)
                        .expressionAttributeNames(Map.of("#side", armed ? ARMED_KEY : REARM_KEY,
                                "#threshold", armed ? THRESHOLD : REARM_BOUNDARY))
                        .expressionAttributeValues(Map.of(":side", s(AlertItems.moveSide(pair, window, way)),
                                ":rate", n(along)))
                        .build())
                .stream().map(AlertItems::fromItem).filter(stillMatches).toList();
    }

    @Override
    public List<Alert> findExpiring(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return reads.query(QueryRequest.builder().tableName(table).indexName(AlertItems.EXPIRING_BY_TIME)
                        .keyConditionExpression("#expiryKey = :expiring AND #expirySort < :upTo")
                        .expressionAttributeNames(Map.of("#expiryKey", AlertItems.EXPIRY_KEY,
                                "#expirySort", AlertItems.EXPIRY_SORT))
                        .expressionAttributeValues(Map.of(":expiring", s(AlertItems.EXPIRING),
                                // '$' sorts after '#': every expirySort of this very instant is included
                                ":upTo", s(SortableInstants.format(now) + "$")))
                        .scanIndexForward(true)
                        .build(), limit)
                .stream().map(AlertItems::fromItem)
                .filter(alert -> alert.state() != AlertState.EXPIRED) // an index entry older than its item
                .toList();
    }

    @Override
    public boolean markExpired(String alertId, Firing notice) {
        Objects.requireNonNull(notice, "notice");
        Map<String, String> names = new HashMap<>(Map.of("#state", STATE, "#pushPending", PUSH_PENDING,
                "#pendingKey", PENDING_KEY, "#pendingSort", PENDING_SORT, "#attempts", PUSH_ATTEMPTS,
                "#nextAttempt", PUSH_NEXT_ATTEMPT_AT, "#unknown", PUSH_OUTCOME_UNKNOWN, "#dead", PUSH_DEAD_LETTER,
                "#armedKey", ARMED_KEY, "#rearmKey", REARM_KEY));
        names.putAll(Map.of("#watchKey", WATCH_KEY, "#expiryKey", AlertItems.EXPIRY_KEY,
                "#expirySort", AlertItems.EXPIRY_SORT, "#base", AlertItems.EVENT_BASE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expired", s(AlertState.EXPIRED.name()),
                ":true", bool(true), ":false", bool(false), ":zero", n(0), ":pending", s(PENDING),
                ":pendingSort", s(AlertItems.pendingSort(notice.firedAt(), alertId)),
                ":dueAt", instant(notice.firedAt())));
        StringBuilder set = new StringBuilder("SET #state = :expired, #pushPending = :true, #pendingKey = :pending, "
                + "#pendingSort = :pendingSort, #attempts = :zero, #nextAttempt = :dueAt, #unknown = :false");
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : AlertItems.firingAttributes(notice).entrySet()) {
            names.put("#f" + i, attribute.getKey());
            values.put(":f" + i, attribute.getValue());
            set.append(", #f").append(i).append(" = :f").append(i);
            i++;
        }
        try {
            client.updateItem(b -> b.tableName(table).key(AlertItems.key(alertId))
                    // a pending push is delivered first; a later sweep expires the alert
                    .conditionExpression("attribute_exists(#state) AND #state <> :expired AND #pushPending = :false")
                    .updateExpression(set + " REMOVE #armedKey, #rearmKey, #watchKey, #expiryKey, #expirySort, "
                            + "#dead, #base")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException expiredAlreadyOrPushPendingOrGone) {
            return false;
        }
    }

    @Override
    public Set<CurrencyPair> watchedPairs() {
        Set<CurrencyPair> watched = new HashSet<>();
        for (CurrencyPair pair : pairs.registered()) {
            boolean anyWatcher = !reads.query(QueryRequest.builder().tableName(table).indexName(WATCHING_BY_PAIR)
                    .keyConditionExpression("#watchKey = :pair")
                    .expressionAttributeNames(Map.of("#watchKey", WATCH_KEY))
                    .expressionAttributeValues(Map.of(":pair", s(pair.toString())))
                    .build(), 1).isEmpty();
            if (anyWatcher) {
                watched.add(pair);
            }
        }
        return Set.copyOf(watched);
    }

    @Override
    public Map<AlertState, Long> countByState() {
        Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
        for (AlertState state : AlertState.values()) {
            counts.put(state, 0L);
        }
        // Operator statistics: a projected Scan of the whole table (see docs/dynamodb.md for the cost).
        reads.scan(ScanRequest.builder().tableName(table)
                .projectionExpression("#state")
                .filterExpression("attribute_exists(#state)")
                .expressionAttributeNames(Map.of("#state", STATE))
                .build(), item -> counts.merge(AlertState.valueOf(item.get(STATE).s()), 1L, Long::sum));
        return counts;
    }

    @Override
    public AlertPage list(AlertQuery query) {
        Objects.requireNonNull(query, "query");
        Map<String, String> names = new HashMap<>(Map.of("#state", STATE, "#user", USER_ID));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> filters = new ArrayList<>(List.of("attribute_exists(#state)", "attribute_exists(#user)"));
        if (query.pair() != null) {
            names.put("#pair", PAIR);
            values.put(":pair", s(query.pair().toString()));
            filters.add("#pair = :pair");
        }
        if (query.state() != null) {
            values.put(":state", s(query.state().name()));
            filters.add("#state = :state");
        }
        ScanRequest.Builder scanBuilder = ScanRequest.builder().tableName(table)
                .filterExpression(String.join(" AND ", filters))
                .expressionAttributeNames(names);
        if (!values.isEmpty()) {
            scanBuilder.expressionAttributeValues(values);
        }
        ScanRequest scan = scanBuilder.build();
        // Read one more than the page to know whether a next page exists; the cursor is the last returned key.
        List<Alert> found = new ArrayList<>();
        String startAfter = AlertCursors.decode(query);
        reads.scanUntil(scan, startAfter == null ? null : AlertItems.key(startAfter), item -> {
            found.add(AlertItems.fromItem(item));
            return found.size() <= query.limit();
        });
        if (found.size() <= query.limit()) {
            return new AlertPage(found, null);
        }
        List<Alert> page = found.subList(0, query.limit());
        return new AlertPage(page, AlertCursors.encode(page.get(page.size() - 1).id(), query));
    }
}
