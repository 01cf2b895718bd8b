package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers as people type them in chat: {@code 1400}, {@code 1400.5}, {@code 1,400.50}; never via double. */
final class NumberInput {

    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?|[+-]?\\.\\d+");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    /** Longer input cannot be a sensible rate or amount and would only cost parsing time. */
    private static final int MAX_LENGTH = 40;

    /** The selectors of the catalogue's {@code number.invalid}, naming the number that is wrong. */
    static final String THRESHOLD = "threshold";
    static final String AMOUNT = "amount";

    private NumberInput() {
    }

    static boolean looksLikeNumber(String token) {
        return token.length() <= MAX_LENGTH && (PLAIN.matcher(token).matches() || GROUPED.matcher(token).matches());
    }

    /** @param what names the number in the error: {@link #THRESHOLD} or {@link #AMOUNT} */
    static BigDecimal parse(String token, String what) {
        if (!looksLikeNumber(token)) {
            throw new InvalidInputException(Msg.NUMBER_INVALID, abbreviate(token), what);
        }
        return new BigDecimal(token.replace(",", ""));
    }

    static String abbreviate(String token) {
        return token.length() <= 20 ? token : token.substring(0, 20) + "…";
    }
}
