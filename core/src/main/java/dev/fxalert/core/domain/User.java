package dev.fxalert.core.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A person, identified by the Telegram chat they talk to us from (no passwords).
 *
 * @param active   false once the user blocked the bot or deleted their account; their alerts are paused then
 * @param timezone the zone times are shown in, an id {@link ZoneId#of} reads ({@code Asia/Seoul}, {@code UTC+09:00});
 *                 null until the user sets one with /timezone, meaning UTC
 * @param quietHours the user's quiet hours as {@code HH:mm-HH:mm} in their zone ({@link QuietHours}), or null
 * @param digestTime the local time of the user's daily digest as {@code HH:mm}, or null when they get none
 */
public record User(String id, long chatId, String displayName, String language, Instant createdAt, boolean active,
                   String timezone, String quietHours, String digestTime) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        displayName = displayName == null ? "" : displayName;
        language = language == null || language.isBlank() ? "en" : language;
        timezone = timezone == null || timezone.isBlank() ? null : timezone;
        quietHours = quietHours == null || quietHours.isBlank() ? null : quietHours;
        digestTime = digestTime == null || digestTime.isBlank() ? null : digestTime;
    }

    /** A user without quiet hours or digest. */
    public User(String id, long chatId, String displayName, String language, Instant createdAt, boolean active,
                String timezone) {
        this(id, chatId, displayName, language, createdAt, active, timezone, null, null);
    }

    /** A user who has not chosen a time zone (UTC). */
    public User(String id, long chatId, String displayName, String language, Instant createdAt, boolean active) {
        this(id, chatId, displayName, language, createdAt, active, null);
    }

    /** The zone to show times in: the user's choice, else UTC (also for an id this JVM no longer knows). */
    public ZoneId zone() {
        try {
            return ZoneId.of(timezone == null ? "UTC" : timezone);
        } catch (java.time.DateTimeException unknownToThisJvm) {
            return ZoneId.of("UTC");
        }
    }

    /** The user's quiet hours, or null when they have none (or the stored text is unreadable). */
    public QuietHours quiet() {
        return QuietHours.ofStored(quietHours);
    }

    public User deactivated() {
        return new User(id, chatId, displayName, language, createdAt, false, timezone, quietHours, digestTime);
    }

    public User activated() {
        return new User(id, chatId, displayName, language, createdAt, true, timezone, quietHours, digestTime);
    }
}
