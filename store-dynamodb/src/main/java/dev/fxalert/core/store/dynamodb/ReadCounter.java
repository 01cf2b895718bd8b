package dev.fxalert.core.store.dynamodb;

import java.util.concurrent.atomic.LongAdder;

/**
 * Items DynamoDB read for us (sum of ScannedCount of Queries and Scans, plus items returned by GetItem): what a
 * read costs, and the proof that findCrossed reads only what it returns. Take the difference around a call.
 */
public final class ReadCounter {

    private final LongAdder items = new LongAdder();

    void add(long count) {
        items.add(count);
    }

    /** Items read since this store was created. */
    public long itemsRead() {
        return items.sum();
    }
}
