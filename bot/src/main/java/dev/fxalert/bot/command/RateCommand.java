package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.OutgoingMessage;
import java.time.Clock;
import java.util.List;

/** /rate: the current rate of a pair with its provider and age. */
final class RateCommand implements CommandHandler {
    private final RateQuotes quotes;
    private final Clock clock;

    RateCommand(RateQuotes quotes, Clock clock) {
        this.quotes = quotes;
        this.clock = clock;
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
                .map(rate -> "1 " + rate.pair().base() + " = " + Formats.number(rate.value()) + " "
                        + rate.pair().quote() + " (" + rate.provider() + ", "
                        + Formats.age(rate.observedAt(), clock.instant()) + ")")
                .orElse(RateQuotes.noRateYet(parsed.pair())));
    }
}
