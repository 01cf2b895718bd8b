package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Thresholds;
import dev.fxalert.core.i18n.Msg;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the arguments of {@code /alert}: pair, direction, threshold, an optional {@code once} and a trailing note,
 * e.g. {@code USD/KRW > 1,400.50 once rent money}. Every refusal says what was wrong.
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
        AlertMode mode = AlertMode.REARM;
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase("once")) {
            mode = AlertMode.ONCE;
            next++;
        }
        String note = next < tokens.size() ? String.join(" ", tokens.subList(next, tokens.size())) : null;
        if (note != null && note.codePointCount(0, note.length()) > Alert.MAX_NOTE_LENGTH) {
            throw new InvalidInputException(Msg.ALERT_PARSE_NOTE_TOO_LONG, note.codePointCount(0, note.length()),
                    Alert.MAX_NOTE_LENGTH);
        }
        return new AlertRequest(pair.pair(), direction, threshold, mode, note);
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
