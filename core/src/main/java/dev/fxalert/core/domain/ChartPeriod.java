package dev.fxalert.core.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** How far back a chart looks: {@code 7d}, {@code 30d} (the default), {@code 90d} or {@code 1y}. */
public enum ChartPeriod {
    WEEK("7d", 7),
    MONTH("30d", 30),
    QUARTER("90d", 90),
    YEAR("1y", 365);

    public static final ChartPeriod DEFAULT = MONTH;

    private final String code;
    private final int days;

    ChartPeriod(String code, int days) {
        this.code = code;
        this.days = days;
    }

    /** What a person types and what callback data carries: {@code 7d}, {@code 30d}, {@code 90d}, {@code 1y}. */
    public String code() {
        return code;
    }

    public int days() {
        return days;
    }

    public Duration length() {
        return Duration.ofDays(days);
    }

    /** Empty for anything but the four codes (case-insensitive; {@code 365d} and {@code 12m} read as a year). */
    public static Optional<ChartPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toLowerCase(Locale.ROOT);
        if (code.equals("365d") || code.equals("12m")) {
            return Optional.of(YEAR);
        }
        for (ChartPeriod period : values()) {
            if (period.code.equals(code)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}
