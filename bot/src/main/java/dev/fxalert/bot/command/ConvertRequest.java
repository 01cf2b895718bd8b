package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;

import java.math.BigDecimal;

/** {@code /convert 100 USD KRW}: how much {@code amount} of {@code pair.base()} is in {@code pair.quote()}. */
public record ConvertRequest(BigDecimal amount, CurrencyPair pair) {
}
