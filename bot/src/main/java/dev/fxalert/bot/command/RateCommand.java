package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;
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
                .map(rate -> context.text(Msg.RATE_REPLY, rate.pair().base(), rate.value(), rate.pair().quote(),
                        rate.provider(), Formats.age(context.messages(), rate.observedAt(), clock.instant())))
                .orElse(RateQuotes.noRateYet(context.messages(), parsed.pair())));
    }
}
