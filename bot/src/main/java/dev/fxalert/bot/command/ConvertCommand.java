package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;

/** /convert: an amount at the current rate. */
final class ConvertCommand implements CommandHandler {
    private final ConvertRequestParser parser = new ConvertRequestParser();
    private final RateQuotes quotes;
    private final Clock clock;
    private final SourceReport report;

    ConvertCommand(RateQuotes quotes, Clock clock, SourceReport report) {
        this.quotes = quotes;
        this.clock = clock;
        this.report = report;
    }

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_CONVERT;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        ConvertRequest request = parser.parse(context.arguments());
        return OutgoingMessage.text(context.chatId(), quotes.current(request.pair())
                .map(rate -> context.text(Msg.CONVERT_REPLY, request.amount(), request.pair().base(),
                        converted(request.amount(), rate.value()), request.pair().quote(),
                        Formats.rateWithSource(context.messages(), rate, clock.instant())))
                .orElseGet(() -> report.noRate(context.messages(), request.pair(), context.user().zone())));
    }

    /** Two decimals like money; more for small results, so 1 KRW in USD does not read as 0. */
    static BigDecimal converted(BigDecimal amount, BigDecimal rate) {
        BigDecimal exact = amount.multiply(rate);
        if (exact.abs().compareTo(BigDecimal.ONE) >= 0) {
            return exact.setScale(2, RoundingMode.HALF_EVEN);
        }
        return exact.round(new MathContext(4, RoundingMode.HALF_EVEN));
    }
}
