package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;

import java.math.BigDecimal;

/** What {@code /alert} asked for, validated but not stored yet. @param note null when none */
public record AlertRequest(CurrencyPair pair, Direction direction, BigDecimal threshold, AlertMode mode, String note) {
}
