package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Thresholds;
import dev.fxalert.core.i18n.Msg;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the arguments of {@code /alert}: pair, direction, threshold, an optional {@code sell} or {@code buy} (a bank's
 * selling or buying rate instead of the mid rate, for pairs against KRW), an optional {@code once} and a trailing
 * note, e.g. {@code USD/KRW > 1,400.50 sell once rent money}. Issue 14: a percent move instead of a direction and
 * threshold ({@code move 1% 24h}, {@code up 2% 7d}, {@code down 0.5% 1d}; always on the mid rate), and an expiry after
 * the mode ({@code for 7d}, {@code until 2026-12-31}). Every refusal says what was wrong.
 */
public final class AlertRequestParser {

    private static final Map<String, Direction> DIRECTIONS = Map.of(
            "above", Direction.ABOVE, "over", Direction.ABOVE, ">", Direction.ABOVE, ">=", Direction.ABOVE,
            "below", Direction.BELOW, "under", Direction.BELOW, "<", Direction.BELOW, "<=", Direction.BELOW);

    public AlertRequest parse(String arguments) {
        List<String> tokens = tokens(arguments);
        if (tokens.isEmpty()) {
            throw new InvalidInputException(Msg.ALERT_PARSE_EMPTY);
        }
        PairInput.Parsed pair = PairInput.parse(tokens, 0, List.of());
        int next = pair.tokensUsed();
        if (next >= tokens.size()) {
            throw new InvalidInputException(Msg.ALERT_PARSE_NO_DIRECTION, pair.pair().toString());
        }
        String directionWord = tokens.get(next).toLowerCase(Locale.ROOT);
        if (MOVE_WAYS.containsKey(directionWord)) {
            return parseMove(tokens, pair.pair(), MOVE_WAYS.get(directionWord), next + 1);
        }
        Direction direction = DIRECTIONS.get(directionWord);
        String thresholdText;
        if (direction != null) {
            thresholdText = next + 1 < tokens.size() ? tokens.get(next + 1) : null;
            next += 2;
        } else if (directionWord.startsWith(">=") || directionWord.startsWith("<=")) {
            direction = DIRECTIONS.get(directionWord.substring(0, 2));
            thresholdText = tokens.get(next).substring(2);
            next += 1;
        } else if (directionWord.startsWith(">") || directionWord.startsWith("<")) {
            direction = DIRECTIONS.get(directionWord.substring(0, 1));
            thresholdText = tokens.get(next).substring(1);
            next += 1;
        } else if (NumberInput.looksLikeNumber(directionWord)) {
            throw new InvalidInputException(Msg.ALERT_PARSE_DIRECTION_BEFORE_NUMBER, directionWord);
        } else {
            throw new InvalidInputException(Msg.ALERT_PARSE_BAD_DIRECTION, NumberInput.abbreviate(tokens.get(next)));
        }
        BigDecimal threshold = Thresholds.requireValid(thresholdText == null ? null : NumberInput.parse(thresholdText, NumberInput.THRESHOLD));
        RateKind kind = RateKind.MID;
        if (next < tokens.size() && RateKind.ofKeyword(tokens.get(next)).isPresent()) {
            kind = RateKind.ofKeyword(tokens.get(next)).get();
            next++;
            if (!kind.existsFor(pair.pair())) {
                throw new InvalidInputException(Msg.ALERT_PARSE_BANK_RATE_KRW_ONLY, pair.pair().base());
            }
        }
        return tail(tokens, next, pair.pair(), direction, threshold, null, kind);
    }

    // issue 14: percent moves and expiry (branch move14)

    private static final Map<String, MoveWay> MOVE_WAYS = Map.of(
            "move", MoveWay.EITHER, "moves", MoveWay.EITHER, "up", MoveWay.UP, "down", MoveWay.DOWN);
    /** A window or an expiry period: whole hours or days, e.g. {@code 24h}, {@code 7d}. */
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([hd])");
    /** The longest {@code for} an expiry may take. */
    static final Duration MAX_EXPIRY = Duration.ofDays(366);

    /** {@code move 1% 24h}: the percent (with or without %), then the window. */
    private AlertRequest parseMove(List<String> tokens, CurrencyPair pair, MoveWay way, int next) {
        if (next >= tokens.size()) {
            throw new InvalidInputException(Msg.ALERT_PARSE_MOVE_NO_PERCENT, pair.toString());
        }
        String percentText = tokens.get(next);
        next++;
        if (percentText.endsWith("%")) {
            percentText = percentText.substring(0, percentText.length() - 1);
        } else if (next < tokens.size() && tokens.get(next).equals("%")) {
            next++;
        }
        if (!NumberInput.looksLikeNumber(percentText)) {
            throw new InvalidInputException(Msg.MOVE_BAD_PERCENT, NumberInput.abbreviate(tokens.get(next - 1)));
        }
        BigDecimal percent = Move.requirePercent(new BigDecimal(percentText.replace(",", "")));
        if (next >= tokens.size()) {
            throw new InvalidInputException(Msg.ALERT_PARSE_MOVE_NO_WINDOW, pair.toString());
        }
        Duration window = period(tokens.get(next), Msg.MOVE_BAD_WINDOW);
        Move move = new Move(way, window);
        // A move is measured on the mid rate's own history; 'sell' or 'buy' here would otherwise be read as a note.
        if (next + 1 < tokens.size() && RateKind.ofKeyword(tokens.get(next + 1)).isPresent()) {
            throw new InvalidInputException(Msg.ALERT_PARSE_MOVE_MID_ONLY, tokens.get(next + 1),
                    pair.base() + " " + pair.quote());
        }
        return tail(tokens, next + 1, pair, Direction.ABOVE, percent, move, RateKind.MID);
    }

    /** What follows the condition: {@code once} and an expiry in either order, then the note. */
    private AlertRequest tail(List<String> tokens, int next, CurrencyPair pair, Direction direction,
                              BigDecimal threshold, Move move, RateKind kind) {
        AlertMode mode = AlertMode.REARM;
        Duration expiresIn = null;
        LocalDate expiresOn = null;
        boolean more = true;
        while (more && next < tokens.size()) {
            String word = tokens.get(next).toLowerCase(Locale.ROOT);
            if (word.equals("once") && mode == AlertMode.REARM) {
                mode = AlertMode.ONCE;
                next++;
            } else if (word.equals("for") && expiresIn == null && expiresOn == null && next + 1 < tokens.size()
                    && PERIOD.matcher(tokens.get(next + 1).toLowerCase(Locale.ROOT)).matches()) {
                expiresIn = period(tokens.get(next + 1), Msg.ALERT_PARSE_BAD_EXPIRY);
                if (expiresIn.compareTo(MAX_EXPIRY) > 0) {
                    throw new InvalidInputException(Msg.ALERT_PARSE_BAD_EXPIRY, tokens.get(next + 1));
                }
                next += 2;
            } else if (word.equals("until") && expiresIn == null && expiresOn == null) {
                String date = next + 1 < tokens.size() ? tokens.get(next + 1) : "";
                try {
                    expiresOn = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(Msg.ALERT_PARSE_BAD_EXPIRY, NumberInput.abbreviate(date));
                }
                next += 2;
            } else {
                more = false;
            }
        }
        String note = next < tokens.size() ? String.join(" ", tokens.subList(next, tokens.size())) : null;
        if (note != null && note.codePointCount(0, note.length()) > Alert.MAX_NOTE_LENGTH) {
            throw new InvalidInputException(Msg.ALERT_PARSE_NOTE_TOO_LONG, note.codePointCount(0, note.length()),
                    Alert.MAX_NOTE_LENGTH);
        }
        return new AlertRequest(pair, direction, threshold, mode, note, kind, move, expiresIn, expiresOn);
    }

    /** {@code 24h} or {@code 7d}; a window outside 1h..30d is refused by {@link Move}. */
    private static Duration period(String token, Msg refusal) {
        Matcher matcher = PERIOD.matcher(token.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidInputException(refusal, NumberInput.abbreviate(token));
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration period = matcher.group(2).charAt(0) == 'h' ? Duration.ofHours(amount) : Duration.ofDays(amount);
        if (period.isZero()) {
            throw new InvalidInputException(refusal, token);
        }
        return refusal == Msg.MOVE_BAD_WINDOW ? Move.requireWindow(period) : period;
    }

    /** polish14: the way a move word says ({@code move}, {@code up}, {@code down}), or null for any other word. */
    static MoveWay moveWay(String word) {
        return word == null ? null : MOVE_WAYS.get(word.strip().toLowerCase(Locale.ROOT));
    }

    /** polish14: the word /alert reads as {@code way}: {@code move} for either way, {@code up}, {@code down}. */
    static String moveWord(MoveWay way) {
        return way == MoveWay.EITHER ? "move" : way.name().toLowerCase(Locale.ROOT);
    }

    /** A direction word as /alert reads it ({@code above}, {@code over}, {@code >}, ...), or null. */
    static Direction direction(String word) {
        return word == null ? null : DIRECTIONS.get(word.strip().toLowerCase(Locale.ROOT));
    }

    static List<String> tokens(String arguments) {
        String stripped = arguments == null ? "" : arguments.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    }
}
