package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.UserStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users in H2; the unique chat_id constraint keeps one user per chat even under concurrent /start. */
final class EmbeddedUserStore implements UserStore {

    private static final String COLUMNS = "id, chat_id, display_name, language, created_at, active, timezone, quiet_hours, digest_time";

    private final Jdbc jdbc;
    private final Clock clock;

    EmbeddedUserStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public User linkChat(long chatId, String displayName, String language) {
        String name = displayName == null ? "" : displayName;
        String lang = language == null || language.isBlank() ? "en" : language;
        Optional<User> existing = findByChatId(chatId);
        if (existing.isEmpty()) {
            try {
                jdbc.update("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, TRUE, NULL, NULL, NULL)",
                        UUID.randomUUID().toString(), chatId, name, lang, clock.instant());
            } catch (EmbeddedStoreException e) {
                if (!Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
                // Another request linked the same chat a moment ago: theirs is the user.
            }
        } else {
            jdbc.update("UPDATE users SET display_name = ?, language = ?, active = TRUE WHERE chat_id = ?",
                    name, lang, chatId);
        }
        return findByChatId(chatId).orElseThrow();
    }

    @Override
    public boolean moveChat(String userId, long newChatId) {
        try {
            return jdbc.update("UPDATE users SET chat_id = ? WHERE id = ?", newChatId, userId) == 1;
        } catch (EmbeddedStoreException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            return false; // another user has that chat
        }
    }

    @Override
    public Optional<User> findByChatId(long chatId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE chat_id = ?", EmbeddedUserStore::toUser, chatId);
    }

    @Override
    public Optional<User> findById(String userId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", EmbeddedUserStore::toUser, userId);
    }

    /** One IN query per 500 ids (H2 reads each by its primary key). */
    @Override
    public java.util.Map<String, User> findByIds(java.util.Collection<String> userIds) {
        java.util.Map<String, User> found = new java.util.HashMap<>();
        List<String> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT " + COLUMNS + " FROM users WHERE id IN (" + marks + ")", EmbeddedUserStore::toUser,
                    chunk.toArray()).forEach(user -> found.put(user.id(), user));
        }
        return found;
    }

    @Override
    public boolean setLanguage(String userId, String language) {
        return jdbc.update("UPDATE users SET language = ? WHERE id = ?", language, userId) == 1;
    }

    @Override
    public boolean setTimezone(String userId, String timezone) {
        return jdbc.update("UPDATE users SET timezone = ? WHERE id = ?", timezone, userId) == 1;
    }

    @Override
    public boolean setQuietHours(String userId, String quietHours) {
        return jdbc.update("UPDATE users SET quiet_hours = ? WHERE id = ?", quietHours, userId) == 1;
    }

    @Override
    public boolean setDigestTime(String userId, String digestTime) {
        return jdbc.update("UPDATE users SET digest_time = ? WHERE id = ?", digestTime, userId) == 1;
    }

    @Override
    public boolean claimDigest(String userId, java.time.LocalDate date) {
        String day = date.toString(); // ISO dates compare as text in date order
        return jdbc.update("UPDATE users SET last_digest_on = ? WHERE id = ? "
                + "AND (last_digest_on IS NULL OR last_digest_on < ?)", day, userId, day) == 1;
    }

    @Override
    public boolean deactivate(String userId) {
        return jdbc.update("UPDATE users SET active = FALSE WHERE id = ? AND active = TRUE", userId) == 1;
    }

    @Override
    public boolean reactivate(String userId) {
        return jdbc.update("UPDATE users SET active = TRUE WHERE id = ? AND active = FALSE", userId) == 1;
    }

    @Override
    public List<User> search(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        String needle = text == null ? "" : text.strip();
        if (needle.isEmpty()) {
            return List.of();
        }
        Long chatId = dev.fxalert.core.store.UserSearch.chatId(needle);
        String like = "%" + needle.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE chat_id = ? OR LOWER(display_name) LIKE ? ESCAPE '\\'"
                        + " ORDER BY display_name, id LIMIT ?", EmbeddedUserStore::toUser,
                chatId == null ? Long.MIN_VALUE : chatId, like, limit);
    }

    @Override
    public UserCounts counts() {
        return jdbc.queryOne("SELECT COALESCE(SUM(CASE WHEN active THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN active THEN 0 ELSE 1 END), 0) FROM users",
                row -> new UserCounts(row.getLong(1), row.getLong(2))).orElse(new UserCounts(0, 0));
    }

    @Override
    public List<User> listByDigestTime(String digestTime, String afterUserId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        // users_digest_time (digest_time, id): one index range read per page.
        return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE digest_time = ? AND id > ? AND active = TRUE "
                        + "ORDER BY id LIMIT ?",
                EmbeddedUserStore::toUser, digestTime, afterUserId == null ? "" : afterUserId, limit);
    }

    @Override
    public List<User> listActive(String afterUserId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE active = TRUE AND id > ? ORDER BY id LIMIT ?",
                EmbeddedUserStore::toUser, afterUserId == null ? "" : afterUserId, limit);
    }

    private static User toUser(ResultSet row) throws SQLException {
        return new User(row.getString("id"), row.getLong("chat_id"), row.getString("display_name"),
                row.getString("language"), Jdbc.instant(row, "created_at"), row.getBoolean("active"),
                row.getString("timezone"), row.getString("quiet_hours"), row.getString("digest_time"));
    }
}
