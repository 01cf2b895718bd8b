package dev.fxalert.bot.command;

import dev.fxalert.core.port.HistoricalRates;

import java.util.Objects;

/**
 * What /chart needs beyond the stores: a renderer, and where a pair's past rates come from the first time it is
 * charted (Frankfurter's time series; {@link HistoricalRates#none()} to chart only what was fetched live).
 */
public record Charts(ChartRenderer renderer, HistoricalRates past) {

    public Charts {
        Objects.requireNonNull(past, "past");
    }

    /** No charts: /chart says so (test set-ups that do not draw). */
    public static Charts none() {
        return new Charts(null, HistoricalRates.none());
    }

    boolean available() {
        return renderer != null;
    }
}
