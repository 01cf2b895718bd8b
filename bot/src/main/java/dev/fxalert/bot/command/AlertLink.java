package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Thresholds;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copy-an-alert links (issue 16): the one owner of the deep-link payload, both directions. The payload says what
 * an alert watches and nothing about whose it is (no user, chat, id or note), so a link can be passed around
 * freely: {@code a-<BASE><QUOTE>-<a|b><r|o>-<integer>[_<fraction>]}, e.g. {@code a-USDKRW-ar-1400_5} for
 * "USD/KRW above 1,400.5, re-arms". Telegram allows 64 characters of {@code [A-Za-z0-9_-]} after {@code ?start=};
 * the longest payload (a threshold of 10 integer and 8 fraction digits) is 31, so the button that creates the
 * alert ({@code copy:<payload>}) also fits the 64 bytes of callback data.
 */
public final class AlertLink {

    public static final int MAX_PAYLOAD_LENGTH = 64;
    private static final String CREATE_PREFIX = "copy:";
    private static final Pattern PAYLOAD = Pattern.compile("a-([A-Z]{3})([A-Z]{3})-([ab])([ro])-([0-9]{1,10})(?:_([0-9]{1,8}))?");

    private AlertLink() {
    }

    /** The payload for what {@code alert} watches. */
    public static String payload(Alert alert) {
        return payload(new AlertRequest(alert.pair(), alert.direction(), alert.threshold(), alert.mode(), null));
    }

    /** The payload for the request's pair, direction, threshold and mode (its note is left out). */
    public static String payload(AlertRequest request) {
        String threshold = Thresholds.requireValid(request.threshold()).toPlainString().replace('.', '_');
        return "a-" + request.pair().base() + request.pair().quote() + "-"
                + (request.direction() == Direction.ABOVE ? 'a' : 'b')
                + (request.mode() == AlertMode.REARM ? 'r' : 'o') + "-" + threshold;
    }

    /**
     * What a payload asks for, note null; empty for anything that is not one of ours (a tampered link, a
     * currency code that does not exist, a threshold no alert may have).
     */
    public static Optional<AlertRequest> decode(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_LENGTH) {
            return Optional.empty();
        }
        Matcher m = PAYLOAD.matcher(payload.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            CurrencyPair pair = CurrencyPair.of(m.group(1), m.group(2));
            BigDecimal threshold = Thresholds.requireValid(
                    new BigDecimal(m.group(6) == null ? m.group(5) : m.group(5) + "." + m.group(6)));
            return Optional.of(new AlertRequest(pair, m.group(3).equals("a") ? Direction.ABOVE : Direction.BELOW,
                    threshold, m.group(4).equals("r") ? AlertMode.REARM : AlertMode.ONCE, null));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
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
        return "/alert " + request.pair().base() + " " + request.pair().quote() + " "
                + (request.direction() == Direction.ABOVE ? "above " : "below ") + request.threshold().toPlainString()
                + (request.mode() == AlertMode.ONCE ? " once" : "");
    }
}
