package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * Inline rate cards (issue 16): {@code USD KRW} offers the rate card /rate would answer, {@code 100 USD KRW} the
 * conversion /convert would answer, both with the source and the rate's age. Anything else (a half-typed query,
 * a pair without a rate yet) offers nothing: a card is posted to someone else's chat, so it only ever says what a
 * rate is. The cards are in the asking person's language, so they are personal; Telegram may offer them again
 * for {@link #CACHE_SECONDS}, short enough that the age they state stays about right.
 */
final class InlineRateCards {

    /** How long Telegram may reuse an answer for the same text from the same person. */
    static final int CACHE_SECONDS = 60;
    /** An answer with nothing to offer is not kept: the rate may arrive any moment. */
    private static final int EMPTY_CACHE_SECONDS = 5;

    private final ConvertRequestParser convertParser = new ConvertRequestParser();
    private final RateQuotes quotes;
    private final SourceReport report;
    private final Clock clock;

    InlineRateCards(RateQuotes quotes, SourceReport report, Clock clock) {
        this.quotes = quotes;
        this.report = report;
        this.clock = clock;
    }

    InlineAnswer answer(Messages messages, String query) {
        List<String> tokens = AlertRequestParser.tokens(query);
        if (tokens.isEmpty()) {
            return empty();
        }
        try {
            if (NumberInput.looksLikeNumber(tokens.get(0))) {
                ConvertRequest request = convertParser.parse(query);
                return quotes.current(request.pair()).map(rate -> conversion(messages, request, rate))
                        .orElseGet(InlineRateCards::empty);
            }
            PairInput.Parsed parsed = PairInput.parse(tokens, 0, List.of("to", "in"));
            if (parsed.tokensUsed() < tokens.size()) {
                return empty();
            }
            return quotes.current(parsed.pair()).map(rate -> rate(messages, rate)).orElseGet(InlineRateCards::empty);
        } catch (InvalidInputException halfTyped) {
            return empty();
        }
    }

    private InlineAnswer rate(Messages messages, Rate rate) {
        String title = messages.text(Msg.INLINE_RATE_TITLE, rate.pair().base(), rate.value(), rate.pair().quote());
        String card = report.rate(messages, rate);
        return new InlineAnswer(List.of(new InlineAnswer.Card("rate", title,
                Formats.rateWithSource(messages, rate, clock.instant()), card)), CACHE_SECONDS, true);
    }

    private InlineAnswer conversion(Messages messages, ConvertRequest request, Rate rate) {
        BigDecimal converted = ConvertCommand.converted(request.amount(), rate.value());
        String title = messages.text(Msg.INLINE_CONVERT_TITLE, request.amount(), request.pair().base(), converted,
                request.pair().quote());
        String withSource = Formats.rateWithSource(messages, rate, clock.instant());
        String card = messages.text(Msg.CONVERT_REPLY, request.amount(), request.pair().base(), converted,
                request.pair().quote(), withSource);
        return new InlineAnswer(List.of(new InlineAnswer.Card("convert", title, withSource, card)), CACHE_SECONDS, true);
    }

    private static InlineAnswer empty() {
        return new InlineAnswer(List.of(), EMPTY_CACHE_SECONDS, true);
    }
}
