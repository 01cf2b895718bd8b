package dev.fxalert.core.domain;

import java.util.Objects;

/**
 * What a Chart button asks for, in Telegram's callback data (at most 64 bytes): {@code chart:<BASE><QUOTE>:<period>},
 * e.g. {@code chart:USDKRW:30d} (at most 19 bytes). The pushes (evaluation) and /alerts (bot) both put it on buttons,
 * so it lives beside {@link AlertCallback}.
 */
public record ChartCallback(CurrencyPair pair, ChartPeriod period) {

    private static final String PREFIX = "chart:";

    public ChartCallback {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(period, "period");
    }

    public String encode() {
        return PREFIX + pair.base() + pair.quote() + ":" + period.code();
    }

    /** Returns null for data that is not a chart callback (other buttons, or tampered data). */
    public static ChartCallback decode(String data) {
        if (data == null || !data.startsWith(PREFIX) || data.length() > 32) {
            return null;
        }
        String[] parts = data.split(":", -1);
        if (parts.length != 3 || parts[1].length() != 6) {
            return null;
        }
        try {
            CurrencyPair pair = CurrencyPair.of(parts[1].substring(0, 3), parts[1].substring(3));
            return ChartPeriod.parse(parts[2]).map(period -> new ChartCallback(pair, period)).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
