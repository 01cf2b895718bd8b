package dev.fxalert.core.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * What an inline button under an alert asks for, encoded in Telegram's callback data (at most 64 bytes):
 * {@code a:<action>:<alertId>}, e.g. {@code a:pause:k3m9x2qa}, for the buttons of a list, and
 * {@code p:<action>:<alertId>} (e.g. {@code p:snooze_1h:k3m9x2qa}) for the buttons on a push, whose press edits
 * the push to show what was done (issue 14).
 *
 * @param onPush the button sits on the alert's push (answered by editing that message)
 */
public record AlertCallback(Action action, String alertId, boolean onPush) {

    public enum Action {
        REARM, PAUSE, RESUME, DELETE,
        /** Copy-an-alert links (issue 16): the bot answers with a link anyone can open to create the same alert. */
        SHARE,
        // Issue 14, actions on the push: snooze, and move the target by a percentage.
        SNOOZE_1H, SNOOZE_1D, DOWN_1, DOWN_05, UP_05, UP_1;

        /** How long a snooze action holds the alert's pushes; null for other actions. */
        public Duration snooze() {
            return switch (this) {
                case SNOOZE_1H -> Duration.ofHours(1);
                case SNOOZE_1D -> Duration.ofDays(1);
                default -> null;
            };
        }

        /** By how many percent a move action moves the target (+0.5 is 0.5% higher); null for other actions. */
        public BigDecimal percent() {
            return switch (this) {
                case DOWN_1 -> new BigDecimal("-1");
                case DOWN_05 -> new BigDecimal("-0.5");
                case UP_05 -> new BigDecimal("0.5");
                case UP_1 -> BigDecimal.ONE;
                default -> null;
            };
        }
    }

    private static final String PREFIX = "a:";
    private static final String PUSH_PREFIX = "p:";

    /** A button of a list (not on a push). */
    public AlertCallback(Action action, String alertId) {
        this(action, alertId, false);
    }

    public String encode() {
        return (onPush ? PUSH_PREFIX : PREFIX) + action.name().toLowerCase(Locale.ROOT) + ":" + alertId;
    }

    /** Returns null for data that is not an alert callback (other buttons, or tampered data). */
    public static AlertCallback decode(String data) {
        if (data == null || !(data.startsWith(PREFIX) || data.startsWith(PUSH_PREFIX))) {
            return null;
        }
        String[] parts = data.split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        String id = AlertIds.normalize(parts[2]);
        if (id == null) {
            return null;
        }
        for (Action action : Action.values()) {
            if (action.name().equalsIgnoreCase(parts[1])) {
                return new AlertCallback(action, id, data.startsWith(PUSH_PREFIX));
            }
        }
        return null;
    }
}
