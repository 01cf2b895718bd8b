package dev.fxalert.core.port;

import dev.fxalert.core.domain.Alert;

import java.util.List;

/** @param nextCursor null on the last page */
public record AlertPage(List<Alert> items, String nextCursor) {
    public AlertPage {
        items = List.copyOf(items);
    }
}
