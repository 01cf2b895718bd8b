package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;

/**
 * What makes an alert a percent-move alert (issue 14): the rate moved {@code way} by at least the alert's
 * threshold, read as a percent, against its value one {@code window} ago. The window is whole hours, from
 * {@link #MIN_WINDOW} to {@link #MAX_WINDOW}, so the stores can key a partition by it.
 */
public record Move(MoveWay way, Duration window) {

    public static final Duration MIN_WINDOW = Duration.ofHours(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(30);
    /** The largest percent a move alert may ask for: a currency moving more than this is not an alert any more. */
    public static final BigDecimal MAX_PERCENT = new BigDecimal("100");

    public Move {
        Objects.requireNonNull(way, "way");
        window = requireWindow(window);
    }

    /** Refuses a window that is not whole hours between 1 h and 30 d, with the catalogue's message. */
    public static Duration requireWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0
                || !window.equals(Duration.ofHours(window.toHours()))) {
            throw new InvalidInputException(Msg.MOVE_BAD_WINDOW, label(window));
        }
        return window;
    }

    /** A move's percent: positive, at most {@link #MAX_PERCENT}. */
    public static BigDecimal requirePercent(BigDecimal percent) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(MAX_PERCENT) > 0) {
            throw new InvalidInputException(Msg.MOVE_BAD_PERCENT, percent == null ? "" : percent.toPlainString());
        }
        return Numbers.normalize(percent);
    }

    /** {@code 1h}, {@code 24h}, {@code 7d}: days when the window is whole days over one, hours otherwise. */
    public String label() {
        return label(window);
    }

    static String label(Duration window) {
        long hours = window.toHours();
        return hours > 24 && hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
    }

    /** The signed change from {@code base} to {@code rate} in percent: +1.2 for 1,383.1 to 1,400. */
    public static BigDecimal percentChange(BigDecimal base, BigDecimal rate) {
        if (base.signum() <= 0) {
            throw new IllegalArgumentException("a base rate must be positive: " + base);
        }
        return Numbers.normalize(rate.subtract(base).multiply(BigDecimal.valueOf(100))
                .divide(base, MathContext.DECIMAL64));
    }
}
