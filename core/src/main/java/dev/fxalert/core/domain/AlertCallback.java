package dev.fxalert.core.domain;

import java.util.Locale;

/**
 * What an inline button under an alert asks for, encoded in Telegram's callback data (at most 64 bytes):
 * {@code a:<action>:<alertId>}, e.g. {@code a:pause:k3m9x2qa}.
 */
public record AlertCallback(Action action, String alertId) {

    public enum Action {
        REARM, PAUSE, RESUME, DELETE,
        /** Copy-an-alert links (issue 16): the bot answers with a link anyone can open to create the same alert. */
        SHARE
    }

    private static final String PREFIX = "a:";

    public String encode() {
        return PREFIX + action.name().toLowerCase(Locale.ROOT) + ":" + alertId;
    }

    /** Returns null for data that is not an alert callback (other buttons, or tampered data). */
    public static AlertCallback decode(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
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
                return new AlertCallback(action, id);
            }
        }
        return null;
    }
}
