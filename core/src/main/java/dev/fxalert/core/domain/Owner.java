package dev.fxalert.core.domain;

import java.util.Objects;

/** Who an alert belongs to and where its pushes go. */
public record Owner(String userId, long chatId) {
    public Owner {
        Objects.requireNonNull(userId, "userId");
    }
}
