package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;

import java.util.List;
import java.util.regex.Pattern;

/** Reads a currency pair from the front of a token list: {@code USD KRW}, {@code USD/KRW} or {@code USDKRW}. */
final class PairInput {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

    private PairInput() {
    }

    record Parsed(CurrencyPair pair, int tokensUsed) {
    }

    /**
     * @param separators words allowed between the two codes ("to" in {@code /convert 100 USD to KRW}), lower case
     * @throws dev.fxalert.core.domain.InvalidInputException saying what is wrong with the pair
     */
    static Parsed parse(List<String> tokens, int from, List<String> separators) {
        String first = tokens.get(from);
        if (CODE.matcher(first).matches() && from + 1 < tokens.size()) {
            int second = from + 1;
            if (separators.contains(tokens.get(second).toLowerCase(java.util.Locale.ROOT)) && second + 1 < tokens.size()) {
                second++;
            }
            if (CODE.matcher(tokens.get(second)).matches()) {
                return new Parsed(CurrencyPair.of(first, tokens.get(second)), second - from + 1);
            }
        }
        return new Parsed(CurrencyPair.parse(first), 1);
    }
}
