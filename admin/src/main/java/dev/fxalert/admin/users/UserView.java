package dev.fxalert.admin.users;

import dev.fxalert.admin.alerts.AlertView;
import dev.fxalert.core.domain.User;

import java.util.List;

/** {@code GET /admin/users/{chatId}}: the user and their alerts, oldest first. */
public record UserView(String id, long chatId, String displayName, String language, String createdAt, boolean active,
                       List<AlertView> alerts) {

    public static UserView of(User user, List<AlertView> alerts) {
        return new UserView(user.id(), user.chatId(), user.displayName(), user.language(), user.createdAt().toString(),
                user.active(), alerts);
    }
}
