package dev.fxalert.admin.users;

import dev.fxalert.core.domain.User;

import java.util.List;

/** {@code GET /admin/users?q=}: matching users by name, without their alerts. */
public record UserSearchView(List<UserSummary> items) {

    public record UserSummary(String id, long chatId, String displayName, String language, String createdAt,
                              boolean active) {
        static UserSummary of(User user) {
            return new UserSummary(user.id(), user.chatId(), user.displayName(), user.language(),
                    user.createdAt().toString(), user.active());
        }
    }
}
