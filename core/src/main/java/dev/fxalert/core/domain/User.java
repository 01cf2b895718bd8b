package dev.fxalert.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A person, identified by the Telegram chat they talk to us from (no passwords).
 *
 * @param active false once the user blocked the bot or deleted their account; their alerts are paused then
 */
public record User(String id, long chatId, String displayName, String language, Instant createdAt, boolean active) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        displayName = displayName == null ? "" : displayName;
        language = language == null || language.isBlank() ? "en" : language;
    }

    public User deactivated() {
        return new User(id, chatId, displayName, language, createdAt, false);
    }

    public User activated() {
        return new User(id, chatId, displayName, language, createdAt, true);
    }
}
