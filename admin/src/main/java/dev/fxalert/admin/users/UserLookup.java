package dev.fxalert.admin.users;

import dev.fxalert.admin.alerts.AlertListing;
import dev.fxalert.admin.alerts.AlertView;
import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.UserStore;

/** Finds users: by the Telegram chat id an operator was given (e.g. in a support request), or by name. */
public final class UserLookup {

    private final UserStore users;
    private final OperatorAlerts alerts;

    public UserLookup(UserStore users, OperatorAlerts alerts) {
        this.users = users;
        this.alerts = alerts;
    }

    /** @param chatId the path segment as typed: a (possibly negative, for groups) whole number */
    public UserView byChatId(String chatId) {
        User user = find(users, chatId);
        return UserView.of(user, alerts.listByOwner(user.id()).stream().map(AlertView::of).toList());
    }

    /**
     * {@code GET /admin/users?q=}: users whose chat id is {@code q} or whose display name contains it (ignoring case),
     * by name, at most {@code limit}; without their alerts (open one by chat id for those).
     */
    public UserSearchView search(String q, String limit) {
        if (q == null || q.isBlank()) {
            throw AdminProblem.badRequest("Say what to look for: q=<part of a name or a chat id>.");
        }
        return new UserSearchView(users.search(q.strip(), AlertListing.parseLimit(limit)).stream()
                .map(UserSearchView.UserSummary::of).toList());
    }

    /** The user of a chat id as typed in a path: 400 when not a whole number, 404 when nobody has it. */
    public static User find(UserStore users, String chatId) {
        long id = parseChatId(chatId);
        return users.findByChatId(id)
                .orElseThrow(() -> AdminProblem.notFound("user_not_found", "No user has chat id " + id + "."));
    }

    private static long parseChatId(String chatId) {
        try {
            return Long.parseLong(chatId == null ? "" : chatId.strip());
        } catch (NumberFormatException e) {
            throw AdminProblem.badRequest("The chat id must be a whole number, got '" + chatId + "'.");
        }
    }
}
