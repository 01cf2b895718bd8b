package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import java.util.List;

/** /rate: the current rate of a pair and what it is (source, kind, time); when there is none, why. */
final class RateCommand implements CommandHandler {
    private final RateQuotes quotes;
    private final SourceReport report;

    RateCommand(RateQuotes quotes, SourceReport report) {
        this.quotes = quotes;
        this.report = report;
    }

    @Override
    public String name() {
        return "rate";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_RATE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        List<String> tokens = AlertRequestParser.tokens(context.arguments());
        if (tokens.isEmpty()) {
            throw new InvalidInputException(Msg.RATE_MISSING_PAIR);
        }
        PairInput.Parsed parsed = PairInput.parse(tokens, 0, List.of("to", "in"));
        if (parsed.tokensUsed() < tokens.size()) {
            throw new InvalidInputException(Msg.RATE_TRAILING, NumberInput.abbreviate(
                    String.join(" ", tokens.subList(parsed.tokensUsed(), tokens.size()))));
        }
        return OutgoingMessage.text(context.chatId(), quotes.current(parsed.pair())
                .map(rate -> report.rate(context.messages(), rate) + bankRates(context, parsed.pair()))
                .orElseGet(() -> report.noRate(context.messages(), parsed.pair(), context.user().zone())));
    }

    /** A bank's selling and buying rates of the pair, when a source gives them (Korea Eximbank, against KRW). */
    private String bankRates(CommandContext context, CurrencyPair pair) {
        StringBuilder lines = new StringBuilder();
        for (RateKind kind : List.of(RateKind.BANK_SELL, RateKind.BANK_BUY)) {
            quotes.stored(pair, kind).ifPresent(rate -> lines.append('\n').append(report.rate(context.messages(), rate)));
        }
        return lines.toString();
    }
}
