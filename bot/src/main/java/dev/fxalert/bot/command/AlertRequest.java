package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.RateKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What {@code /alert} asked for, validated but not stored yet. @param note null when none
 *
 * @param kind        which rate of the pair: the mid rate, or ({@code sell}/{@code buy}) a bank's rate against KRW;
 *                    always {@link RateKind#MID} for a move alert
 * @param move        issue 14: a percent-move alert ({@code threshold} is then the percent), or null
 * @param expiresIn   issue 14: {@code for 7d}, or null
 * @param expiresOn   issue 14: {@code until 2026-12-31} (the end of that day in the owner's zone), or null
 */
public record AlertRequest(CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode, String note,
                           RateKind kind, Move move, Duration expiresIn, LocalDate expiresOn) {

    public AlertRequest {
        if (kind == null) {
            kind = RateKind.MID;
        }
    }

    /** On the mid rate. */
    public AlertRequest(CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode, String note) {
        this(pair, direction, threshold, mode, note, RateKind.MID, null, null, null);
    }

    /** A threshold alert on {@code kind}, never expiring. */
    public AlertRequest(CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode, String note,
                        RateKind kind) {
        this(pair, direction, threshold, mode, note, kind, null, null, null);
    }

    /** On the mid rate (issue 14's shape). */
    public AlertRequest(CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode, String note,
                        Move move, Duration expiresIn, LocalDate expiresOn) {
        this(pair, direction, threshold, mode, note, RateKind.MID, move, expiresIn, expiresOn);
    }

    /**
     * The new ARMED alert this asks for, without its expiry ({@link #expiresAt} needs the owner's zone): a move
     * alert on the mid rate, or a threshold alert on {@code kind}. The one place a request becomes an alert, for
     * /alert and for the alert a shared link shows (polish14).
     */
    public Alert toAlert(String id, Owner owner, Instant now) {
        return move != null
                ? Alert.createMove(id, owner, pair, move, threshold, mode, note, now)
                : Alert.create(id, owner, pair, direction, threshold, mode, note, now, kind);
    }

    /** When the alert is to expire, from {@code now} in the owner's {@code zone}; null for never. */
    public Instant expiresAt(Instant now, ZoneId zone) {
        if (expiresIn != null) {
            return now.plus(expiresIn);
        }
        // The last second of that day in the owner's zone: it reads "until 2026-12-31 23:59".
        return expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }
}
