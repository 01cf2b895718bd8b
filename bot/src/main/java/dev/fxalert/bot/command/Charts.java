package dev.fxalert.bot.command;

import dev.fxalert.core.port.HistoricalRates;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What /chart needs beyond the stores: a renderer, and where a pair's past rates come from the first time it is
 * charted (Frankfurter's time series; {@link HistoricalRates#none()} to chart only what was fetched live), and
 * where a pair's first alert starts that backfill without waiting for it ({@code backfills}; null: only when
 * charted).
 */
public record Charts(ChartRenderer renderer, HistoricalRates past, Executor backfills) {

    public Charts {
        Objects.requireNonNull(past, "past");
    }

    /** Charts whose pairs are backfilled only when first charted (no background: tests, benchmarks). */
    public Charts(ChartRenderer renderer, HistoricalRates past) {
        this(renderer, past, null);
    }

    /** No charts: /chart says so (test set-ups that do not draw). */
    public static Charts none() {
        return new Charts(null, HistoricalRates.none());
    }

    boolean available() {
        return renderer != null;
    }
}
