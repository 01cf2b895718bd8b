package dev.fxalert.core.store;

import dev.fxalert.core.domain.User;

import java.util.Comparator;
import java.util.Locale;

/** What {@code UserStore.search} matches, shared by the stores that filter in code and those that filter in SQL. */
public final class UserSearch {

    /** The order of results: display name, then id. */
    public static final Comparator<User> ORDER = Comparator.comparing(User::displayName).thenComparing(User::id);

    private UserSearch() {
    }

    /** The chat id the text names, or null when it is not a whole number. */
    public static Long chatId(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static boolean matches(User user, String text) {
        String needle = text.strip();
        Long chatId = chatId(needle);
        return (chatId != null && user.chatId() == chatId)
                || user.displayName().toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
