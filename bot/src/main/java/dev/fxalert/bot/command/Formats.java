package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.i18n.RateTexts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** How numbers, ages and alerts read in chat, in the reader's language; one place so every reply says them alike. */
public final class Formats {

    private Formats() {
    }

    /** {@code 1400.5} reads {@code 1,400.5}: the same formatter the pushes use ({@link Messages#number}). */
    public static String number(BigDecimal value) {
        return Messages.number(value);
    }

    /** {@code 10 min ago}: the same words /rate and the pushes use ({@link RateTexts#age}). */
    public static String age(Messages messages, Instant observedAt, Instant now) {
        return RateTexts.age(messages, observedAt, now);
    }

    /** {@code 1,385.2 (frankfurter, 4 min ago)} */
    public static String rateWithSource(Messages messages, Rate rate, Instant now) {
        return messages.text(Msg.FORMAT_RATE_WITH_SOURCE, rate.value(), rate.provider(),
                age(messages, rate.observedAt(), now));
    }

    /**
     * {@code USD/KRW above 1,400}; {@code USD/KRW above 1,400 (bank selling rate)} on a bank's rate; for a
     * percent-move alert (always on the mid rate) {@code USD/KRW moves either way 1% within 24h}
     */
    public static String condition(Messages messages, Alert alert) {
        if (alert.isMove()) {
            return messages.text(Msg.FORMAT_MOVE_CONDITION, alert.pair().toString(),
                    alert.move().way().name().toLowerCase(Locale.ROOT), alert.threshold(), messages.window(alert.move()));
        }
        String condition = messages.text(Msg.FORMAT_CONDITION, alert.pair().toString(), direction(alert.direction()),
                alert.threshold());
        return alert.kind().keyword()
                .map(keyword -> messages.text(Msg.FORMAT_CONDITION_KIND, condition, keyword))
                .orElse(condition);
    }

    /** Issue 14: {@code expires 2026-12-31 23:59 KST} in the owner's zone, or empty when it never expires. */
    public static String expiry(Messages messages, Alert alert, ZoneId zone) {
        return alert.expiresAt() == null ? ""
                : messages.text(Msg.FORMAT_EXPIRES, Messages.time(alert.expiresAt(), zone));
    }

    /** Issue 14: a signed percent for a move, {@code +1.2} or {@code -0.53} ({@link Messages#signedPercent}). */
    public static String signedPercent(BigDecimal percent) {
        return Messages.signedPercent(percent);
    }

    /** The selector the catalogues' {@code select} patterns branch on: {@code above} or {@code below}. */
    public static String direction(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

    /** What happens after it fires: a once alert stays fired, a re-arm alert arms again past the band. */
    public static String afterFiring(Messages messages, Alert alert) {
        if (alert.mode() == AlertMode.ONCE) {
            return messages.text(Msg.FORMAT_FIRES_ONCE);
        }
        if (alert.isMove()) {
            return messages.text(Msg.FORMAT_MOVE_REARMS_WHEN, alert.rearmBoundary());
        }
        Direction back = alert.direction() == Direction.ABOVE ? Direction.BELOW : Direction.ABOVE;
        return messages.text(Msg.FORMAT_REARMS_WHEN, direction(back), alert.rearmBoundary());
    }

    public static String state(Messages messages, Alert alert) {
        return switch (alert.state()) {
            case ARMED -> messages.text(Msg.FORMAT_STATE_ARMED);
            case PAUSED -> messages.text(Msg.FORMAT_STATE_PAUSED);
            case EXPIRED -> messages.text(Msg.FORMAT_STATE_EXPIRED);
            case FIRED -> alert.lastFiring() == null
                    ? messages.text(Msg.FORMAT_STATE_FIRED)
                    : messages.text(Msg.FORMAT_STATE_FIRED_AT, alert.lastFiring().rate());
        };
    }
}
