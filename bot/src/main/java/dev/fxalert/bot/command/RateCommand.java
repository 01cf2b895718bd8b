package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
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
    public String example() {
        return "/rate USD KRW";
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        List<String> tokens = AlertRequestParser.tokens(context.arguments());
        if (tokens.isEmpty()) {
            throw new InvalidInputException("Tell me which pair.");
        }
        PairInput.Parsed parsed = PairInput.parse(tokens, 0, List.of("to", "in"));
        if (parsed.tokensUsed() < tokens.size()) {
            throw new InvalidInputException("I did not understand '" + NumberInput.abbreviate(
                    String.join(" ", tokens.subList(parsed.tokensUsed(), tokens.size()))) + "' after the pair.");
        }
        return context.reply(quotes.current(parsed.pair())
                .map(report::rate)
                .orElseGet(() -> report.noRate(parsed.pair())));
    }
}
