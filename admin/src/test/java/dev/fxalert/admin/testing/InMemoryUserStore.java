package dev.fxalert.admin.testing;

import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.core.store.UserSearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link UserStore} in a sorted map, for admin tests (ids sort like the real stores' pagination). */
public final class InMemoryUserStore implements UserStore {

    private final Map<String, User> byId = new TreeMap<>();
    private final List<String> deactivated = new ArrayList<>();

    public synchronized User add(String id, long chatId, boolean active) {
        User user = new User(id, chatId, "user " + id, "en", Instant.parse("2026-01-01T00:00:00Z"), active);
        byId.put(id, user);
        return user;
    }

    public synchronized void clear() {
        byId.clear();
        deactivated.clear();
    }

    public synchronized List<String> deactivatedIds() {
        return List.copyOf(deactivated);
    }

    @Override
    public boolean moveChat(String userId, long newChatId) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public synchronized User linkChat(long chatId, String displayName, String language) {
        return findByChatId(chatId).orElseGet(() -> add("u" + chatId, chatId, true));
    }

    @Override
    public synchronized Optional<User> findByChatId(long chatId) {
        return byId.values().stream().filter(user -> user.chatId() == chatId).findFirst();
    }

    @Override
    public synchronized Optional<User> findById(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public synchronized boolean setLanguage(String userId, String language) {
        User user = byId.get(userId);
        if (user == null) {
            return false;
        }
        byId.put(userId, new User(user.id(), user.chatId(), user.displayName(), language, user.createdAt(),
                user.active(), user.timezone()));
        return true;
    }

    @Override
    public synchronized boolean setTimezone(String userId, String timezone) {
        User user = byId.get(userId);
        if (user == null) {
            return false;
        }
        byId.put(userId, new User(user.id(), user.chatId(), user.displayName(), user.language(), user.createdAt(),
                user.active(), timezone));
        return true;
    }

    @Override
    public synchronized boolean setQuietHours(String userId, String quietHours) {
        User user = byId.get(userId);
        if (user == null) {
            return false;
        }
        byId.put(userId, new User(user.id(), user.chatId(), user.displayName(), user.language(), user.createdAt(),
                user.active(), user.timezone(), quietHours, user.digestTime()));
        return true;
    }

    @Override
    public synchronized boolean setDigestTime(String userId, String digestTime) {
        User user = byId.get(userId);
        if (user == null) {
            return false;
        }
        byId.put(userId, new User(user.id(), user.chatId(), user.displayName(), user.language(), user.createdAt(),
                user.active(), user.timezone(), user.quietHours(), digestTime));
        return true;
    }

    @Override
    public boolean claimDigest(String userId, java.time.LocalDate date) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public synchronized java.util.Map<String, User> findByIds(java.util.Collection<String> userIds) {
        java.util.Map<String, User> found = new java.util.HashMap<>();
        userIds.stream().filter(byId::containsKey).forEach(id -> found.put(id, byId.get(id)));
        return found;
    }

    @Override
    public synchronized boolean deactivate(String userId) {
        User user = byId.get(userId);
        if (user == null || !user.active()) {
            return false;
        }
        byId.put(userId, user.deactivated());
        deactivated.add(userId);
        return true;
    }

    @Override
    public synchronized boolean reactivate(String userId) {
        User user = byId.get(userId);
        if (user == null || user.active()) {
            return false;
        }
        byId.put(userId, new User(user.id(), user.chatId(), user.displayName(), user.language(), user.createdAt(), true));
        return true;
    }

    @Override
    public synchronized List<User> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return byId.values().stream().filter(user -> UserSearch.matches(user, text)).sorted(UserSearch.ORDER)
                .limit(limit).toList();
    }

    @Override
    public synchronized UserCounts counts() {
        long active = byId.values().stream().filter(User::active).count();
        return new UserCounts(active, byId.size() - active);
    }

    @Override
    public synchronized List<User> listByDigestTime(String digestTime, String afterUserId, int limit) {
        return byId.values().stream()
                .filter(User::active)
                .filter(user -> digestTime.equals(user.digestTime()))
                .filter(user -> afterUserId == null || user.id().compareTo(afterUserId) > 0)
                .sorted(java.util.Comparator.comparing(User::id))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<User> listActive(String afterUserId, int limit) {
        return byId.values().stream()
                .filter(User::active)
                .filter(user -> afterUserId == null || user.id().compareTo(afterUserId) > 0)
                .limit(limit)
                .toList();
    }
}
