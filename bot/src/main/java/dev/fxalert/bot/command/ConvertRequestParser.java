package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;

/** Reads {@code 100 USD KRW}, {@code 1,000 USD/KRW} or {@code 100 USD to KRW}. */
public final class ConvertRequestParser {

    public static final String EXAMPLE = "/convert 100 USD KRW";
    /** More money than exists in any currency: a typo, not a question. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    public ConvertRequest parse(String arguments) {
        List<String> tokens = AlertRequestParser.tokens(arguments);
        if (tokens.isEmpty()) {
            throw new InvalidInputException("Tell me an amount and two currencies.");
        }
        BigDecimal amount = NumberInput.parse(tokens.get(0), "amount");
        if (amount.signum() <= 0) {
            throw new InvalidInputException("The amount must be greater than 0, got " + amount.toPlainString() + ".");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidInputException("The amount " + amount.toPlainString() + " is too large.");
        }
        if (tokens.size() < 2) {
            throw new InvalidInputException("Tell me which currencies to convert between.");
        }
        PairInput.Parsed pair = PairInput.parse(tokens, 1, List.of("to", "in", "into"));
        if (1 + pair.tokensUsed() < tokens.size()) {
            throw new InvalidInputException("I did not understand '" + NumberInput.abbreviate(
                    String.join(" ", tokens.subList(1 + pair.tokensUsed(), tokens.size()))) + "' after the currencies.");
        }
        return new ConvertRequest(amount, pair.pair());
    }
}
