package dev.fxalert.admin.users;

import dev.fxalert.admin.alerts.AlertView;
import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.UserStore;

/** Finds a user by the Telegram chat id an operator was given (e.g. in a support request). */
public final class UserLookup {

    private final UserStore users;
    private final OperatorAlerts alerts;

    public UserLookup(UserStore users, OperatorAlerts alerts) {
        this.users = users;
        this.alerts = alerts;
    }

    /** @param chatId the path segment as typed: a (possibly negative, for groups) whole number */
    public UserView byChatId(String chatId) {
        long id = parseChatId(chatId);
        User user = users.findByChatId(id)
                .orElseThrow(() -> AdminProblem.notFound("user_not_found", "No user has chat id " + id + "."));
        return UserView.of(user, alerts.listByOwner(user.id()).stream().map(AlertView::of).toList());
    }

    private static long parseChatId(String chatId) {
        try {
            return Long.parseLong(chatId == null ? "" : chatId.strip());
        } catch (NumberFormatException e) {
            throw AdminProblem.badRequest("The chat id must be a whole number, got '" + chatId + "'.");
        }
    }
}
