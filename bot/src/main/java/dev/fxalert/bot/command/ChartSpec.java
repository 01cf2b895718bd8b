package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a chart shows, texts already in the reader's language: the rates oldest first, the reader's thresholds
 * as labelled horizontal lines, dates in the reader's zone.
 *
 * @param from where the time axis starts (the period's start, even when the history starts later)
 * @param to   where it ends (now)
 */
public record ChartSpec(String title, List<Rate> rates, List<Line> lines, Instant from, Instant to, ZoneId zone,
                        Locale locale) {

    public ChartSpec {
        Objects.requireNonNull(title, "title");
        rates = List.copyOf(rates);
        lines = List.copyOf(lines);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
    }

    /** How a threshold line looks: armed ones solid, fired ones dashed, paused ones dotted. */
    public enum Style { ARMED, FIRED, PAUSED }

    public record Line(BigDecimal value, String label, Style style) {
        public Line {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(style, "style");
        }
    }
}
