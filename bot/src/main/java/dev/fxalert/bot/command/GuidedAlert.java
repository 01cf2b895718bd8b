package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.ChatDraft;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.Numbers;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.Thresholds;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.ChatDrafts;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;
import dev.fxalert.core.port.OwnerAlerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issue 14: {@code /alert} alone makes an alert with buttons, in three steps that all edit the same message: the
 * pair (the user's recent pairs first, then {@link BotSettings#COMMON_PAIRS}), the direction, then the threshold from buttons around
 * the current rate (±0.5%, ±1%, ±2% and the nearest round numbers) or typed. The state between steps is a
 * {@link ChatDraft} in the store (the webhook Lambda keeps nothing between updates), gone after a few minutes.
 * Text typed while a draft waits is taken as its step's answer (a pair, {@code above}/{@code below}, or the
 * threshold), which is also how the console, which has no buttons, goes through the steps. The last step makes
 * the alert through {@link AlertCommand}, so it is checked and answered exactly as {@code /alert USD KRW above 1400}.
 *
 * <p>polish14: the second step also offers a percent move ("moves ± %"), then its percent, then its window
 * (1h, 24h, 7d, 30d). A move's answer is what {@code /alert} takes after the pair ({@code move 1% 24h}, also
 * {@code up}/{@code down}), so the last press hands exactly that to {@link AlertCommand}: one parser, one creation
 * path. The draft's stored fields stay pair and direction: the move's choices ride in the callback data, and typed
 * text says them whole ({@code 1.5%} alone means within 24h).
 *
 * <p>Callback data: {@code n:p:USD/KRW}, {@code n:d:above}, {@code n:t:1392.13}, {@code n:x} (cancel); a move
 * {@code n:d:move}, {@code n:m:move:1} (percent picked, ask the window), {@code n:d:move 1% 24h}; at most
 * 4 + 39 bytes (a threshold has at most 38 digits), well under Telegram's 64.
 */
final class GuidedAlert {

    static final String PREFIX = "n:";
    private static final String PAIR = "p:";
    private static final String DIRECTION = "d:";
    private static final String THRESHOLD = "t:";
    private static final String CANCEL = "x";
    /** polish14: a move's percent picked with a button; the window comes next. */
    private static final String MOVE_PERCENT = "m:";
    private static final List<Duration> WINDOWS = List.of(Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofDays(7), Duration.ofDays(30));
    /** The window of a typed percent that names none. */
    private static final String DEFAULT_WINDOW = "24h";
    private static final int PAIR_BUTTONS = 6;
    private static final int PER_ROW = 3;
    private static final List<BigDecimal> PERCENTS = List.of(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("2"));

    private final ChatDrafts drafts;
    private final OwnerAlerts alerts;
    private final RateQuotes quotes;
    private final CurrencyCatalogue catalogue;
    private final AlertCommand create;
    private final Clock clock;

    GuidedAlert(ChatDrafts drafts, OwnerAlerts alerts, RateQuotes quotes, CurrencyCatalogue catalogue,
                AlertCommand create, Clock clock) {
        this.drafts = drafts;
        this.alerts = alerts;
        this.quotes = quotes;
        this.catalogue = catalogue;
        this.create = create;
        this.clock = clock;
    }

    /** {@code /alert} alone: a new draft, and the first step. */
    OutgoingMessage start(CommandContext context) {
        drafts.save(ChatDraft.start(context.chatId(), clock.instant()));
        return pairStep(context.messages(), context.chatId(), context.user().id());
    }

    /** A press on a draft's button; empty when the data is not a draft's. */
    Optional<CallbackOutcome> press(User user, IncomingCallback callback, Messages messages) {
        String data = callback.data();
        if (data == null || !data.startsWith(PREFIX)) {
            return Optional.empty();
        }
        long chatId = callback.chatId();
        String step = data.substring(PREFIX.length());
        if (step.equals(CANCEL)) {
            drafts.clear(chatId);
            String text = messages.text(Msg.DRAFT_CANCELLED);
            return Optional.of(CallbackOutcome.edit(text, OutgoingMessage.text(chatId, text)));
        }
        Optional<ChatDraft> draft = drafts.find(chatId);
        if (draft.isEmpty()) {
            String text = messages.text(Msg.DRAFT_EXPIRED);
            return Optional.of(CallbackOutcome.edit(text, OutgoingMessage.text(chatId, text)));
        }
        try {
            OutgoingMessage next = answer(user, draft.get(), step, messages, callback.chatId(),
                    new IncomingMessage(chatId, step, callback.displayName(), callback.language(), true,
                            callback.callbackId() == null ? null : "callback-" + callback.callbackId()));
            return Optional.of(CallbackOutcome.edit("", next));
        } catch (InvalidInputException refused) {
            String text = messages.text(refused);
            return Optional.of(CallbackOutcome.edit(ChatBot.firstSentence(text), OutgoingMessage.text(chatId, text)));
        }
    }

    /** Text typed while the chat has a draft: the answer to its step. Empty when the chat has no draft. */
    Optional<OutgoingMessage> typed(User user, IncomingMessage message, Messages messages) {
        Optional<ChatDraft> draft = drafts.find(message.chatId());
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        String text = message.text().strip();
        ChatDraft current = draft.get();
        String step;
        if (current.pair() == null) {
            List<String> tokens = AlertRequestParser.tokens(text);
            step = PAIR + (tokens.isEmpty() ? text : PairInput.parse(tokens, 0, List.of()).pair().toString());
        } else if (current.direction() == null) {
            step = DIRECTION + text; // read case-blind below; a move's note keeps its case
        } else {
            step = THRESHOLD + text;
        }
        return Optional.of(answer(user, current, step, messages, message.chatId(), message));
    }

    private OutgoingMessage answer(User user, ChatDraft draft, String step, Messages messages, long chatId,
                                   IncomingMessage message) {
        if (step.startsWith(PAIR)) {
            CurrencyPair pair = CurrencyPair.parse(step.substring(PAIR.length()));
            if (!catalogue.supports(pair)) {
                throw new InvalidInputException(Msg.ALERT_NO_COMMON_SOURCE, pair.base(),
                        String.join(", ", catalogue.sources(pair.base())), pair.quote(),
                        String.join(", ", catalogue.sources(pair.quote())));
            }
            drafts.save(draft.withPair(pair, clock.instant()));
            return directionStep(messages, chatId, pair);
        }
        if (draft.pair() == null) {
            return pairStep(messages, chatId, user.id());
        }
        if (step.startsWith(MOVE_PERCENT)) {
            return movePercentPicked(messages, chatId, draft.pair(), step.substring(MOVE_PERCENT.length()));
        }
        if (step.startsWith(DIRECTION)) {
            String chosen = step.substring(DIRECTION.length());
            Direction direction = AlertRequestParser.direction(chosen);
            if (direction == null) {
                return move(user, draft, chosen, messages, chatId, message);
            }
            drafts.save(draft.withDirection(direction, clock.instant()));
            return thresholdStep(messages, chatId, draft.pair(), direction);
        }
        if (draft.direction() == null || !step.startsWith(THRESHOLD)) {
            return directionStep(messages, chatId, draft.pair());
        }
        String arguments = draft.pair() + " " + Formats.direction(draft.direction()) + " "
                + step.substring(THRESHOLD.length());
        OutgoingMessage created = create.handle(new CommandContext(user, chatId, arguments, message, messages));
        drafts.clear(chatId);
        return created;
    }

    /**
     * polish14: the answer to the second step when it is no direction: a move word alone asks its percent; a
     * percent, with or without the way before it and a window after it, makes the alert as {@code /alert <pair>
     * move 1% 24h} does (24h when no window is said); anything else asks again.
     */
    private OutgoingMessage move(User user, ChatDraft draft, String answer, Messages messages, long chatId,
                                 IncomingMessage message) {
        List<String> tokens = AlertRequestParser.tokens(answer.replaceAll("\\s+%", "%"));
        MoveWay way = tokens.isEmpty() ? null : AlertRequestParser.moveWay(tokens.get(0));
        List<String> rest = way == null ? tokens : tokens.subList(1, tokens.size());
        if (way != null && rest.isEmpty()) {
            return movePercentStep(messages, chatId, draft.pair(), way);
        }
        boolean percentFirst = !rest.isEmpty() && (way != null || rest.get(0).endsWith("%"))
                && NumberInput.looksLikeNumber(rest.get(0).replace("%", ""));
        if (!percentFirst) {
            throw new InvalidInputException(Msg.DRAFT_DIRECTION_FIRST);
        }
        String condition = AlertRequestParser.moveWord(way == null ? MoveWay.EITHER : way) + " "
                + String.join(" ", rest) + (rest.size() == 1 ? " " + DEFAULT_WINDOW : "");
        OutgoingMessage created = create.handle(new CommandContext(user, chatId, draft.pair() + " " + condition,
                message, messages));
        drafts.clear(chatId);
        return created;
    }

    private OutgoingMessage movePercentStep(Messages messages, long chatId, CurrencyPair pair, MoveWay way) {
        String word = AlertRequestParser.moveWord(way);
        String selector = way.name().toLowerCase(Locale.ROOT);
        List<Button> percents = PERCENTS.stream().map(percent -> new Button(
                messages.text(Msg.BUTTON_DRAFT_MOVE_PERCENT, selector, Messages.number(percent)),
                PREFIX + MOVE_PERCENT + word + ":" + percent.toPlainString())).toList();
        List<List<Button>> rows = new ArrayList<>();
        rows.add(percents);
        return new OutgoingMessage(chatId, messages.text(Msg.DRAFT_PICK_MOVE_PERCENT, pair.toString(), selector,
                now(messages, pair)), withCancel(messages, rows));
    }

    /** A percent button's {@code move:1}: the window step; a percent no move may have is refused as typed. */
    private OutgoingMessage movePercentPicked(Messages messages, long chatId, CurrencyPair pair, String picked) {
        int colon = picked.indexOf(':');
        MoveWay way = colon < 0 ? null : AlertRequestParser.moveWay(picked.substring(0, colon));
        String percentText = colon < 0 ? "" : picked.substring(colon + 1);
        if (way == null || !NumberInput.looksLikeNumber(percentText)) {
            throw new InvalidInputException(Msg.MOVE_BAD_PERCENT, NumberInput.abbreviate(picked));
        }
        BigDecimal percent = Move.requirePercent(new BigDecimal(percentText.replace(",", "")));
        String word = AlertRequestParser.moveWord(way);
        List<Button> windows = WINDOWS.stream().map(window -> new Move(way, window).label())
                .map(label -> new Button(label, PREFIX + DIRECTION + word + " " + percent.toPlainString() + "% " + label))
                .toList();
        List<List<Button>> rows = new ArrayList<>();
        rows.add(windows);
        return new OutgoingMessage(chatId, messages.text(Msg.DRAFT_PICK_MOVE_WINDOW, pair.toString(),
                way.name().toLowerCase(Locale.ROOT), percent), withCancel(messages, rows));
    }

    private OutgoingMessage pairStep(Messages messages, long chatId, String userId) {
        Set<CurrencyPair> pairs = new LinkedHashSet<>();
        alerts.listByOwner(userId).stream()
                .sorted(Comparator.comparing(Alert::createdAt).reversed())
                .map(Alert::pair)
                .forEach(pairs::add);
        BotSettings.COMMON_PAIRS.stream().filter(catalogue::supports).forEach(pairs::add);
        List<Button> buttons = pairs.stream().limit(PAIR_BUTTONS)
                .map(pair -> new Button(pair.toString(), PREFIX + PAIR + pair)).toList();
        return new OutgoingMessage(chatId, messages.text(Msg.DRAFT_PICK_PAIR), withCancel(messages, rows(buttons)));
    }

    private OutgoingMessage directionStep(Messages messages, long chatId, CurrencyPair pair) {
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(
                new Button(messages.text(Msg.BUTTON_DRAFT_ABOVE), PREFIX + DIRECTION + Formats.direction(Direction.ABOVE)),
                new Button(messages.text(Msg.BUTTON_DRAFT_BELOW), PREFIX + DIRECTION + Formats.direction(Direction.BELOW)),
                // polish14: a percent move, asked next as percent then window
                new Button(messages.text(Msg.BUTTON_DRAFT_MOVE), PREFIX + DIRECTION
                        + AlertRequestParser.moveWord(MoveWay.EITHER))));
        return new OutgoingMessage(chatId, messages.text(Msg.DRAFT_PICK_DIRECTION, pair.toString(), now(messages, pair)),
                withCancel(messages, rows));
    }

    private OutgoingMessage thresholdStep(Messages messages, long chatId, CurrencyPair pair, Direction direction) {
        Optional<Rate> rate = quotes.withoutInterest(pair);
        String selector = Formats.direction(direction);
        if (rate.isEmpty()) {
            return new OutgoingMessage(chatId, messages.text(Msg.DRAFT_PICK_THRESHOLD_NO_RATE, pair.toString(), selector),
                    withCancel(messages, new ArrayList<>()));
        }
        BigDecimal value = rate.get().value();
        int sign = direction == Direction.ABOVE ? 1 : -1;
        List<Button> percents = PERCENTS.stream().map(percent -> {
            BigDecimal signed = sign > 0 ? percent : percent.negate();
            BigDecimal threshold = Thresholds.movedBy(value, signed, value);
            return new Button(messages.text(Msg.BUTTON_DRAFT_PERCENT, threshold, (sign > 0 ? "+" : "\u2212")
                    + Messages.number(percent)), PREFIX + THRESHOLD + threshold.toPlainString());
        }).toList();
        List<Button> round = roundNumbers(value, direction).stream()
                .map(threshold -> new Button(Messages.number(threshold), PREFIX + THRESHOLD + threshold.toPlainString()))
                .toList();
        List<List<Button>> rows = new ArrayList<>();
        rows.add(percents);
        if (!round.isEmpty()) {
            rows.add(round);
        }
        return new OutgoingMessage(chatId, messages.text(Msg.DRAFT_PICK_THRESHOLD, pair.toString(), selector,
                Formats.rateWithSource(messages, rate.get(), clock.instant())), withCancel(messages, rows));
    }

    /**
     * The two nearest round numbers beyond the rate in the alert's direction, at the two magnitudes below the
     * rate's leading digit: 1385.2 above gives 1390 and 1400; 1.0523 below gives 1.05 and 1.
     */
    static List<BigDecimal> roundNumbers(BigDecimal rate, Direction direction) {
        BigDecimal normalized = Numbers.normalize(rate);
        int leading = normalized.precision() - normalized.scale() - 1;
        TreeSet<BigDecimal> found = new TreeSet<>();
        for (int magnitude : List.of(leading - 2, leading - 1)) {
            BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(magnitude);
            BigDecimal steps = normalized.divide(step, 0, direction == Direction.ABOVE ? RoundingMode.FLOOR
                    : RoundingMode.CEILING);
            BigDecimal next = steps.add(BigDecimal.valueOf(direction == Direction.ABOVE ? 1 : -1)).multiply(step);
            if (next.signum() > 0) {
                found.add(Numbers.normalize(next));
            }
        }
        List<BigDecimal> ordered = new ArrayList<>(found);
        if (direction == Direction.BELOW) {
            java.util.Collections.reverse(ordered);
        }
        return ordered;
    }

    private String now(Messages messages, CurrencyPair pair) {
        return quotes.withoutInterest(pair)
                .map(rate -> Formats.rateWithSource(messages, rate, clock.instant()))
                .orElseGet(() -> messages.text(Msg.DRAFT_NO_RATE_YET));
    }

    private static List<List<Button>> rows(List<Button> buttons) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += PER_ROW) {
            rows.add(buttons.subList(i, Math.min(buttons.size(), i + PER_ROW)));
        }
        return rows;
    }

    private static List<List<Button>> withCancel(Messages messages, List<List<Button>> rows) {
        List<List<Button>> all = new ArrayList<>(rows);
        all.add(List.of(new Button(messages.text(Msg.BUTTON_DRAFT_CANCEL), PREFIX + CANCEL)));
        return all;
    }

    /** What a person types for a draft's button (the console shows buttons so): the pair, the word, the number. */
    static Optional<String> typedFor(String data) {
        if (data == null || !data.startsWith(PREFIX) || data.equals(PREFIX + CANCEL)) {
            return Optional.empty();
        }
        String step = data.substring(PREFIX.length());
        if (step.startsWith(MOVE_PERCENT)) { // polish14: "move:1" types as "move 1%" (within 24h, as the step says)
            return Optional.of(step.substring(MOVE_PERCENT.length()).replace(':', ' ') + "%");
        }
        return step.length() > 2 ? Optional.of(step.substring(2)) : Optional.empty();
    }
}
