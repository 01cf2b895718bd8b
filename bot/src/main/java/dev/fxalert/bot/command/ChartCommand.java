package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.ChartCallback;
import dev.fxalert.core.domain.ChartPeriod;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.HistoricalRates;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.ingestion.HistoryBackfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * /chart USD KRW 30d (also 7d, 90d, 1y; 30d when left out), and the Chart buttons: a picture of the pair's stored
 * rates over the period with the reader's thresholds for that pair drawn as labelled lines, the latest rate and
 * its source in the caption, and buttons for the other periods. A pair's first alert backfills its year in the
 * background ({@link HistoryBackfill}); the chart backfills it too when that has not happened (no alert yet, or the
 * background call failed); where no past rates exist the caption says since when the chart shows what there is.
 */
final class ChartCommand implements CommandHandler {

    /** A history starting later than this after the period's start is called out in the caption. */
    static final Duration COVERAGE_SLACK = Duration.ofDays(4);

    private final RateHistory history;
    private final OwnerAlerts alerts;
    private final Charts charts;
    private final HistoryBackfill backfill;
    private final Clock clock;

    /** @param backfill the bot's one backfill, also started in the background by a pair's first alert */
    ChartCommand(RateHistory history, OwnerAlerts alerts, Charts charts, HistoryBackfill backfill, Clock clock) {
        this.history = history;
        this.alerts = alerts;
        this.charts = charts;
        this.backfill = backfill;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "chart";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_CHART;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        List<String> tokens = AlertRequestParser.tokens(context.arguments());
        if (tokens.isEmpty()) {
            throw new InvalidInputException(Msg.CHART_MISSING_PAIR);
        }
        PairInput.Parsed parsed = PairInput.parse(tokens, 0, List.of("to", "in"));
        ChartPeriod period = ChartPeriod.DEFAULT;
        if (parsed.tokensUsed() < tokens.size()) {
            String rest = String.join(" ", tokens.subList(parsed.tokensUsed(), tokens.size()));
            if (parsed.tokensUsed() + 1 < tokens.size()) {
                throw new InvalidInputException(Msg.CHART_BAD_PERIOD, NumberInput.abbreviate(rest));
            }
            period = ChartPeriod.parse(rest).orElseThrow(() ->
                    new InvalidInputException(Msg.CHART_BAD_PERIOD, NumberInput.abbreviate(rest)));
        }
        return chart(context.user(), context.chatId(), context.messages(), parsed.pair(), period);
    }

    /** The chart message for a command or a Chart button. */
    OutgoingMessage chart(User user, long chatId, Messages messages, CurrencyPair pair, ChartPeriod period) {
        if (!charts.available()) {
            return OutgoingMessage.text(chatId, messages.text(Msg.CHART_UNAVAILABLE));
        }
        Instant now = clock.instant();
        // Charting a pair is asking about it: ingestion fetches it for a while, as after /rate.
        history.recordInterest(pair, now);
        HistoryBackfill.Result backfilled = backfill.ensureYear(pair);
        Instant from = now.minus(period.length());
        List<Rate> rates = history.between(pair, from, now.plusSeconds(1));
        if (rates.isEmpty()) {
            return OutgoingMessage.text(chatId, messages.text(Msg.CHART_NO_HISTORY, pair.toString()));
        }
        ZoneId zone = user.zone();
        // Only thresholds on the charted series are lines on it: not a percent move (its threshold is a percent),
        // not a bank's rate (another series), not an expired alert.
        List<Alert> mine = alerts.listByOwner(user.id()).stream()
                .filter(alert -> alert.pair().equals(pair) && !alert.isMove() && alert.kind() == RateKind.MID
                        && alert.state() != AlertState.EXPIRED)
                .toList();
        String periodName = messages.text(Msg.CHART_PERIOD, period.days());
        ChartSpec spec = new ChartSpec(messages.text(Msg.CHART_TITLE, pair.toString(), periodName), rates,
                mine.stream().map(alert -> line(messages, alert)).toList(), from, now, zone, messages.language().locale());
        byte[] png = charts.renderer().png(spec);

        Rate latest = rates.get(rates.size() - 1);
        StringBuilder caption = new StringBuilder(messages.text(Msg.CHART_CAPTION, pair.toString(), periodName,
                Messages.number(latest.value()), latest.provider(), Messages.time(latest.observedAt(), zone), mine.size()));
        if (!mine.isEmpty()) {
            caption.append('\n').append(messages.text(Msg.CHART_LEGEND));
        }
        Instant first = rates.get(0).observedAt();
        if (first.isAfter(from.plus(COVERAGE_SLACK))) {
            String since = Messages.time(first, zone);
            boolean sourceLacksPair = backfilled.outcome() == HistoryBackfill.Outcome.NOT_QUOTED
                    && charts.past() != HistoricalRates.NONE;
            caption.append('\n').append(sourceLacksPair
                    ? messages.text(Msg.CHART_NO_PAST_RATES, charts.past().name(), pair.toString(), since)
                    : messages.text(Msg.CHART_SINCE_ONLY, since));
        }
        String text = caption.length() <= OutgoingMessage.MAX_CAPTION_LENGTH ? caption.toString()
                : caption.substring(0, OutgoingMessage.MAX_CAPTION_LENGTH - 1) + "…";
        return OutgoingMessage.photo(chatId,
                new OutgoingMessage.Photo(png, "chart-" + pair.base() + pair.quote() + "-" + period.code() + ".png"),
                text, List.of(otherPeriods(messages, pair, period)));
    }

    private static ChartSpec.Line line(Messages messages, Alert alert) {
        String value = Messages.number(alert.threshold());
        return switch (alert.state()) {
            case ARMED -> new ChartSpec.Line(alert.threshold(), messages.text(Msg.CHART_LINE_ARMED, value), ChartSpec.Style.ARMED);
            case FIRED -> new ChartSpec.Line(alert.threshold(), messages.text(Msg.CHART_LINE_FIRED, value), ChartSpec.Style.FIRED);
            case PAUSED -> new ChartSpec.Line(alert.threshold(), messages.text(Msg.CHART_LINE_PAUSED, value), ChartSpec.Style.PAUSED);
            case EXPIRED -> throw new IllegalArgumentException("an expired alert is not drawn: " + alert.id());
        };
    }

    private static List<Button> otherPeriods(Messages messages, CurrencyPair pair, ChartPeriod shown) {
        List<Button> row = new ArrayList<>();
        for (ChartPeriod period : ChartPeriod.values()) {
            if (period != shown) {
                row.add(new Button(messages.text(Msg.BUTTON_CHART_PERIOD, period.days()),
                        new ChartCallback(pair, period).encode()));
            }
        }
        return row;
    }

    /** The Chart button for a pair (pushes carry their own, built the same way in evaluation). */
    static Button button(Messages messages, CurrencyPair pair) {
        return new Button(messages.text(Msg.BUTTON_CHART_PAIR, pair.toString()),
                new ChartCallback(pair, ChartPeriod.DEFAULT).encode());
    }
}
