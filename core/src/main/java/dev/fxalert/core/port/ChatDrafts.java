package dev.fxalert.core.port;

import dev.fxalert.core.domain.ChatDraft;

import java.util.Optional;

/**
 * Issue 14: the per-chat drafts of guided alert creation ({@link ChatDraft}), one per chat, each gone after its
 * expiry. In the store so the webhook Lambda, which keeps nothing between updates, can continue a draft.
 */
public interface ChatDrafts {

    /** The chat's draft if it has one that has not expired by the store's clock. */
    Optional<ChatDraft> find(long chatId);

    /** Stores the chat's draft, replacing any earlier one. */
    void save(ChatDraft draft);

    /** The chat has no draft any more (created, cancelled). */
    void clear(long chatId);
}
