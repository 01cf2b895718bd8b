package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.Thresholds;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copy-an-alert links (issue 16): the one owner of the deep-link payload, both directions. The payload says what
 * an alert watches and nothing about whose it is (no user, chat, id or note), so a link can be passed around
 * freely: {@code a-<BASE><QUOTE>-<a|b><r|o>[s|b]-<integer>[_<fraction>]}, e.g. {@code a-USDKRW-ar-1400_5} for
 * "USD/KRW above 1,400.5, re-arms"; a trailing {@code s} or {@code b} after the mode is a bank's selling or buying
 * rate ({@code a-USDKRW-ars-1480}), none the mid rate, so every link made before the kind was carried still means
 * what it meant. A percent move (issue 14) is {@code m-<BASE><QUOTE>-<e|u|d><r|o>-<percent>-<window>}, e.g.
 * {@code m-USDKRW-er-1_5-24h} for "moves either way 1.5% within 24h, re-arms" (always on the mid rate).
 * Telegram allows 64 characters of {@code [A-Za-z0-9_-]} after {@code ?start=}; the longest payload (a threshold
 * of 10 integer and 8 fraction digits) is 32, so the button that creates the alert ({@code copy:<payload>}) also
 * fits the 64 bytes of callback data.
 */
public final class AlertLink {

    public static final int MAX_PAYLOAD_LENGTH = 64;
    private static final String CREATE_PREFIX = "copy:";
    private static final Pattern PAYLOAD =
            Pattern.compile("a-([A-Z]{3})([A-Z]{3})-([ab])([ro])([sb]?)-([0-9]{1,10})(?:_([0-9]{1,8}))?");
    private static final Pattern MOVE_PAYLOAD =
            Pattern.compile("m-([A-Z]{3})([A-Z]{3})-([eud])([ro])-([0-9]{1,3})(?:_([0-9]{1,8}))?-([0-9]{1,3})([hd])");

    private AlertLink() {
    }

    /** The payload for what {@code alert} watches. */
    public static String payload(Alert alert) {
        return payload(new AlertRequest(alert.pair(), alert.direction(), alert.threshold(), alert.mode(), null,
                alert.kind(), alert.move(), null, null));
    }

    /** The payload for the request's pair, condition, rate kind and mode (its note and expiry are left out). */
    public static String payload(AlertRequest request) {
        String pair = request.pair().base() + request.pair().quote();
        char mode = request.mode() == AlertMode.REARM ? 'r' : 'o';
        if (request.move() != null) {
            String percent = Move.requirePercent(request.threshold()).toPlainString().replace('.', '_');
            return "m-" + pair + "-" + request.move().way().name().toLowerCase(java.util.Locale.ROOT).charAt(0)
                    + mode + "-" + percent + "-" + request.move().label();
        }
        String threshold = Thresholds.requireValid(request.threshold()).toPlainString().replace('.', '_');
        String kind = switch (request.kind()) {
            case MID -> "";
            case BANK_SELL -> "s";
            case BANK_BUY -> "b";
        };
        return "a-" + pair + "-" + (request.direction() == Direction.ABOVE ? 'a' : 'b') + mode + kind + "-" + threshold;
    }

    /**
     * What a payload asks for, note null; empty for anything that is not one of ours (a tampered link, a
     * currency code that does not exist, a threshold, percent, window or rate kind no alert may have).
     */
    public static Optional<AlertRequest> decode(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_LENGTH) {
            return Optional.empty();
        }
        try {
            Matcher m = PAYLOAD.matcher(payload.strip());
            if (m.matches()) {
                CurrencyPair pair = CurrencyPair.of(m.group(1), m.group(2));
                RateKind kind = m.group(5).isEmpty() ? RateKind.MID
                        : m.group(5).equals("s") ? RateKind.BANK_SELL : RateKind.BANK_BUY;
                if (!kind.existsFor(pair)) {
                    return Optional.empty();
                }
                BigDecimal threshold = Thresholds.requireValid(decimal(m.group(6), m.group(7)));
                return Optional.of(new AlertRequest(pair, m.group(3).equals("a") ? Direction.ABOVE : Direction.BELOW,
                        threshold, mode(m.group(4)), null, kind));
            }
            Matcher move = MOVE_PAYLOAD.matcher(payload.strip());
            if (move.matches()) {
                CurrencyPair pair = CurrencyPair.of(move.group(1), move.group(2));
                MoveWay way = switch (move.group(3)) {
                    case "u" -> MoveWay.UP;
                    case "d" -> MoveWay.DOWN;
                    default -> MoveWay.EITHER;
                };
                long amount = Long.parseLong(move.group(7));
                Duration window = move.group(8).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
                BigDecimal percent = Move.requirePercent(decimal(move.group(5), move.group(6)));
                // As the parser makes a move: direction ABOVE, never read as a rate condition (Alert).
                return Optional.of(new AlertRequest(pair, Direction.ABOVE, percent, mode(move.group(4)), null,
                        RateKind.MID, new Move(way, window), null, null));
            }
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal decimal(String integer, String fraction) {
        return new BigDecimal(fraction == null ? integer : integer + "." + fraction);
    }

    private static AlertMode mode(String letter) {
        return letter.equals("r") ? AlertMode.REARM : AlertMode.ONCE;
    }

    /** The deep link that opens a chat with the bot and sends it {@code /start <payload>}. */
    public static String url(String botUsername, String payload) {
        return "https://t.me/" + botUsername + "?start=" + payload;
    }

    /** The callback data of the button that creates the shared alert for whoever presses it. */
    static String createData(String payload) {
        return CREATE_PREFIX + payload;
    }

    /** What a create button of {@link #createData} asks for; empty for other callback data. */
    static Optional<AlertRequest> decodeCreate(String data) {
        return data != null && data.startsWith(CREATE_PREFIX)
                ? decode(data.substring(CREATE_PREFIX.length())) : Optional.empty();
    }

    /** The /alert command that does what the payload asks, for transports without buttons (the console). */
    static String command(AlertRequest request) {
        String pair = "/alert " + request.pair().base() + " " + request.pair().quote() + " ";
        String once = request.mode() == AlertMode.ONCE ? " once" : "";
        if (request.move() != null) {
            return pair + AlertRequestParser.moveWord(request.move().way()) + " " + request.threshold().toPlainString()
                    + "% " + request.move().label() + once;
        }
        return pair + (request.direction() == Direction.ABOVE ? "above " : "below ") + request.threshold().toPlainString()
                + request.kind().keyword().map(keyword -> " " + keyword).orElse("") + once;
    }
}
