package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How numbers, ages and alerts read in chat; one place so every reply says them the same way. */
public final class Formats {

    private Formats() {
    }

    /** {@code 1400.5} reads {@code 1,400.5}; up to 8 decimals, never scientific notation. */
    public static String number(BigDecimal value) {
        // DecimalFormat is not thread-safe, so one per call; formatting a BigDecimal keeps every digit exact.
        DecimalFormat format = new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    public static String age(Instant observedAt, Instant now) {
        Duration age = Duration.between(observedAt, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }

    /** {@code 1,385.2 (frankfurter, 4 min ago)} */
    public static String rateWithSource(Rate rate, Instant now) {
        return number(rate.value()) + " (" + rate.provider() + ", " + age(rate.observedAt(), now) + ")";
    }

    /** {@code USD/KRW above 1,400} */
    public static String condition(Alert alert) {
        return alert.pair() + " " + direction(alert.direction()) + " " + number(alert.threshold());
    }

    public static String direction(Direction direction) {
        return direction == Direction.ABOVE ? "above" : "below";
    }

    /** What happens after it fires: a once alert stays fired, a re-arm alert arms again past the band. */
    public static String afterFiring(Alert alert) {
        if (alert.mode() == AlertMode.ONCE) {
            return "fires once";
        }
        String back = alert.direction() == Direction.ABOVE ? "below " : "above ";
        return "re-arms when back " + back + number(alert.rearmBoundary());
    }

    public static String state(Alert alert) {
        return switch (alert.state()) {
            case ARMED -> "armed";
            case PAUSED -> "paused";
            case FIRED -> alert.lastFiring() == null ? "fired" : "fired at " + number(alert.lastFiring().rate());
        };
    }
}
