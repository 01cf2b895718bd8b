package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.port.RateHistory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.fxalert.core.store.dynamodb.AttributeValues.decimal;
import static dev.fxalert.core.store.dynamodb.AttributeValues.instant;
import static dev.fxalert.core.store.dynamodb.AttributeValues.n;
import static dev.fxalert.core.store.dynamodb.AttributeValues.number;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;
import static dev.fxalert.core.store.dynamodb.AttributeValues.string;

/**
 * Rates keyed by series ({@link RateKind#series}: the pair, {@code USD/KRW}, for the mid rate, as before kinds
 * existed; {@code USD/KRW#BANK_SELL} for a bank rate) and {@code <fixed-width observedAt>#<eventId>}, so a pair's history is one range read in
 * time order and the same event always lands on the same key (append stays idempotent per event id). Rates observed
 * at the same instant (a provider correcting a day's rate) are ordered by {@code appendedAt}, the injected clock's
 * time of the first append, then by event id: the key alone would order them by event id, i.e. arbitrarily.
 * Each rate carries {@code expiresAt} (epoch seconds, 400 days after observation); DynamoDB's TTL on that attribute
 * is enabled by the infrastructure template only.
 * Interest records live in the partition {@code INTEREST} (not a pair), one item per pair with the latest time.
 */
final class DynamoDbRateHistory implements RateHistory {

    static final String PAIR = "pair";
    static final String SORT = "observedKey";

    /**
     * The one item a record kept beside the rates in this table (the handled-updates journal, a chat's draft) holds
     * under its own partition and sort key: a strongly consistent one-item Query (the webhook role may Query, not
     * GetItem, the table); empty when there is none.
     */
    static Optional<Map<String, AttributeValue>> sideItem(DynamoDbClient client, String table, String partition,
                                                          String sort) {
        return client.query(b -> b.tableName(table).consistentRead(true).limit(1)
                        .keyConditionExpression("#pk = :pk AND #sk = :sk")
                        .expressionAttributeNames(Map.of("#pk", PAIR, "#sk", SORT))
                        .expressionAttributeValues(Map.of(":pk", s(partition), ":sk", s(sort))))
                .items().stream().findFirst();
    }
    static final String VALUE = "rate";
    static final String PROVIDER = "provider";
    static final String OBSERVED_AT = "observedAt";
    static final String EVENT_ID = "eventId";
    static final String APPENDED_AT = "appendedAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String LAST_INTEREST = "lastInterestAt";
    static final String INTEREST_PARTITION = "INTEREST";
    static final Duration RETENTION = Duration.ofDays(400);

    /** Length of the fixed-width observedAt at the start of every rate's sort key. */
    private static final int KEY_TIME_WIDTH = SortableInstants.format(Instant.EPOCH).length();

    /**
     * Newest first: later observation, then later append, then the greater event id (the last resort for two
     * appends at the same clock instant, so the answer is at least the same on every read).
     */
    private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST =
            Comparator.<Map<String, AttributeValue>, String>comparing(item -> string(item, SORT).substring(0, KEY_TIME_WIDTH))
                    .thenComparing(item -> Objects.requireNonNullElse(string(item, APPENDED_AT), ""))
                    .thenComparing(item -> string(item, EVENT_ID))
                    .reversed();

    private final DynamoDbClient client;
    private final String table;
    private final PagedReads reads;
    private final Clock clock;

    DynamoDbRateHistory(DynamoDbClient client, DynamoDbStoreConfig config, Clock clock) {
        this.client = client;
        this.table = config.rateHistoryTable();
        this.reads = new PagedReads(client, config.pageSize(), new ReadCounter());
        this.clock = clock;
    }

    @Override
    public void append(Rate rate, String eventId) {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(eventId, "eventId");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PAIR, s(rate.kind().series(rate.pair()))); // a bank rate is its own series: USD/KRW#BANK_SELL
        item.put(SORT, s(SortableInstants.format(rate.observedAt()) + "#" + eventId));
        item.put(VALUE, n(rate.value()));
        item.put(PROVIDER, s(rate.provider()));
        item.put(OBSERVED_AT, instant(rate.observedAt()));
        item.put(EVENT_ID, s(eventId));
        item.put(APPENDED_AT, s(SortableInstants.format(clock.instant())));
        item.put(EXPIRES_AT, n(rate.observedAt().plus(RETENTION).getEpochSecond()));
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#sort)")
                    .expressionAttributeNames(Map.of("#sort", SORT)));
        } catch (ConditionalCheckFailedException alreadyAppended) {
            // same event again: keep the first entry
        }
    }

    @Override
    public Optional<Entry> latestEntry(CurrencyPair pair, RateKind kind) {
        Objects.requireNonNull(kind, "kind");
        return rates(pair, kind, null, 1).stream().findFirst();
    }

    @Override
    public List<Rate> recent(CurrencyPair pair, Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return rates(pair, RateKind.MID, since, limit).stream().map(Entry::rate).toList();
    }

    @Override
    public Optional<Rate> atOrBefore(CurrencyPair pair, Instant at) {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(at, "at");
        // A percent move is measured on the mid rate (its series is the pair). The newest key at or before at ('$'
        // sorts after the '#' of every key of that instant), then every rate
        // observed at that same instant, so the last appended among them wins as in latest().
        List<Map<String, AttributeValue>> newest = reads.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pair = :pair AND #sort < :upTo")
                .expressionAttributeNames(Map.of("#pair", PAIR, "#sort", SORT))
                .expressionAttributeValues(Map.of(":pair", s(pair.toString()),
                        ":upTo", s(SortableInstants.format(at) + "$")))
                .scanIndexForward(false)
                .build(), 1);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        String time = string(newest.get(0), SORT).substring(0, KEY_TIME_WIDTH);
        return observedAt(RateKind.MID.series(pair), time).stream().sorted(NEWEST_FIRST).findFirst()
                .map(item -> new Rate(pair, decimal(item, VALUE), string(item, PROVIDER),
                        AttributeValues.instant(item, OBSERVED_AT)));
    }

    /**
     * The newest {@code limit} rates. The key orders them by observation time only, so the rates sharing the
     * oldest observation time of the page are all read (they may go past the limit, and their append order decides
     * which make the cut): for latest() that is just the rates observed at the latest instant.
     */
    private List<Entry> rates(CurrencyPair pair, RateKind kind, Instant since, int limit) {
        Objects.requireNonNull(pair, "pair");
        String series = kind.series(pair);
        List<Map<String, AttributeValue>> newest = new ArrayList<>(keyOrdered(series, since, limit));
        // Fewer than limit: the whole range is read already, ties included.
        if (newest.size() == limit) {
            String boundaryTime = string(newest.get(newest.size() - 1), SORT).substring(0, KEY_TIME_WIDTH);
            Set<String> seen = new HashSet<>();
            newest.forEach(item -> seen.add(string(item, SORT)));
            for (Map<String, AttributeValue> item : observedAt(series, boundaryTime)) {
                if (seen.add(string(item, SORT))) {
                    newest.add(item);
                }
            }
        }
        return newest.stream().sorted(NEWEST_FIRST).limit(limit)
                .map(item -> new Entry(new Rate(pair, decimal(item, VALUE), string(item, PROVIDER),
                        AttributeValues.instant(item, OBSERVED_AT), kind), string(item, EVENT_ID)))
                .toList();
    }

    /** Every rate of the pair observed at this (fixed-width) instant. */
    private List<Map<String, AttributeValue>> observedAt(String series, String fixedWidthTime) {
        return reads.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pair = :pair AND begins_with(#sort, :time)")
                .expressionAttributeNames(Map.of("#pair", PAIR, "#sort", SORT))
                .expressionAttributeValues(Map.of(":pair", s(series), ":time", s(fixedWidthTime + "#")))
                .build());
    }

    /** The first {@code limit} rates in key order, newest observation first. */
    private List<Map<String, AttributeValue>> keyOrdered(String series, Instant since, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#pair", PAIR));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pair", s(series)));
        String condition = "#pair = :pair";
        if (since != null) {
            names.put("#sort", SORT);
            values.put(":since", s(SortableInstants.format(since)));
            condition += " AND #sort >= :since";
        }
        return reads.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(false)
                        .build(), limit);
    }

    /**
     * One key-range query: a sort key is {@code <fixed-width time>#<eventId>}, so every key of a rate observed at
     * {@code from} sorts after the bare time, and every key of a rate observed at {@code to} after the bare time too
     * (excluded by BETWEEN's upper bound). Ties are put in append order here, as {@link #NEWEST_FIRST} does.
     */
    @Override
    public List<Rate> between(CurrencyPair pair, Instant from, Instant to) {
        Objects.requireNonNull(pair, "pair");
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<Map<String, AttributeValue>> items = reads.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pair = :pair AND #sort BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pair", PAIR, "#sort", SORT))
                .expressionAttributeValues(Map.of(":pair", s(pair.toString()),
                        ":from", s(SortableInstants.format(from)), ":to", s(SortableInstants.format(to))))
                .build());
        return items.stream().sorted(NEWEST_FIRST.reversed())
                .map(item -> new Rate(pair, decimal(item, VALUE), string(item, PROVIDER),
                        AttributeValues.instant(item, OBSERVED_AT)))
                .toList();
    }

    @Override
    public void recordInterest(CurrencyPair pair, Instant at) {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(at, "at");
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(Map.of(PAIR, s(INTEREST_PARTITION), SORT, s(pair.toString())))
                    .conditionExpression("attribute_not_exists(#last) OR #last < :at")
                    .updateExpression("SET #last = :at")
                    .expressionAttributeNames(Map.of("#last", LAST_INTEREST))
                    .expressionAttributeValues(Map.of(":at", n(at.toEpochMilli()))));
        } catch (ConditionalCheckFailedException newerInterestKnown) {
            // keep the later time
        }
    }

    @Override
    public Set<CurrencyPair> pairsOfInterestSince(Instant since) {
        Objects.requireNonNull(since, "since");
        Set<CurrencyPair> pairs = new LinkedHashSet<>();
        // One item per pair ever asked about; the filter drops the stale ones after reading them.
        for (Map<String, AttributeValue> item : reads.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pair = :interest")
                .filterExpression("#last >= :since")
                .expressionAttributeNames(Map.of("#pair", PAIR, "#last", LAST_INTEREST))
                .expressionAttributeValues(Map.of(":interest", s(INTEREST_PARTITION),
                        ":since", n(since.toEpochMilli())))
                .build())) {
            if (number(item, LAST_INTEREST, Long.MIN_VALUE) >= since.toEpochMilli()) {
                pairs.add(CurrencyPair.parse(string(item, SORT)));
            }
        }
        return Set.copyOf(pairs);
    }
}
