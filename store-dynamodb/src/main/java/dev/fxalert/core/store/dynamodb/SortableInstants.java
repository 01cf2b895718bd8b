package dev.fxalert.core.store.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Fixed-width UTC timestamps with nanoseconds ({@code 2026-11-25T09:00:00.000000000Z}) whose string order is time
 * order, for sort keys. {@link Instant#toString()} drops trailing zeros and would not sort.
 */
final class SortableInstants {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SortableInstants() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
