package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.util.List;

/** Reads {@code 100 USD KRW}, {@code 1,000 USD/KRW} or {@code 100 USD to KRW}. */
public final class ConvertRequestParser {

    /** More money than exists in any currency: a typo, not a question. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    public ConvertRequest parse(String arguments) {
        List<String> tokens = AlertRequestParser.tokens(arguments);
        if (tokens.isEmpty()) {
            throw new InvalidInputException(Msg.CONVERT_EMPTY);
        }
        BigDecimal amount = NumberInput.parse(tokens.get(0), NumberInput.AMOUNT);
        if (amount.signum() <= 0) {
            throw new InvalidInputException(Msg.CONVERT_NOT_POSITIVE, amount.toPlainString());
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidInputException(Msg.CONVERT_TOO_LARGE, amount.toPlainString());
        }
        if (tokens.size() < 2) {
            throw new InvalidInputException(Msg.CONVERT_MISSING_CURRENCIES);
        }
        PairInput.Parsed pair = PairInput.parse(tokens, 1, List.of("to", "in", "into"));
        if (1 + pair.tokensUsed() < tokens.size()) {
            throw new InvalidInputException(Msg.CONVERT_TRAILING, NumberInput.abbreviate(
                    String.join(" ", tokens.subList(1 + pair.tokensUsed(), tokens.size()))));
        }
        return new ConvertRequest(amount, pair.pair());
    }
}
