package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.RateKind;

import java.math.BigDecimal;

/**
 * What {@code /alert} asked for, validated but not stored yet. @param note null when none
 *
 * @param kind which rate of the pair: the mid rate, or ({@code sell}/{@code buy}) a bank's rate against KRW
 */
public record AlertRequest(CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode, String note,
                           RateKind kind) {

    /** On the mid rate. */
    public AlertRequest(CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode, String note) {
        this(pair, direction, threshold, mode, note, RateKind.MID);
    }
}
