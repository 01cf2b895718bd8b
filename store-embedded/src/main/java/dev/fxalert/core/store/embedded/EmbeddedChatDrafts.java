package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.ChatDraft;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.port.ChatDrafts;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Drafts in H2 ({@code chat_drafts}), one row per chat; expired rows are ignored, and purged with the journal. */
final class EmbeddedChatDrafts implements ChatDrafts {

    private final Jdbc jdbc;
    private final Clock clock;

    EmbeddedChatDrafts(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ChatDraft> find(long chatId) {
        return jdbc.queryOne("SELECT chat_id, pair, direction, expires_at FROM chat_drafts "
                        + "WHERE chat_id = ? AND expires_at > ?",
                row -> new ChatDraft(row.getLong("chat_id"),
                        row.getString("pair") == null ? null : CurrencyPair.parse(row.getString("pair")),
                        row.getString("direction") == null ? null : Direction.valueOf(row.getString("direction")),
                        Jdbc.instant(row, "expires_at")),
                chatId, clock.instant());
    }

    @Override
    public void save(ChatDraft draft) {
        Objects.requireNonNull(draft, "draft");
        jdbc.update("MERGE INTO chat_drafts (chat_id, pair, direction, expires_at) KEY (chat_id) VALUES (?, ?, ?, ?)",
                draft.chatId(), draft.pair() == null ? null : draft.pair().toString(),
                draft.direction() == null ? null : draft.direction().name(), draft.expiresAt());
    }

    @Override
    public void clear(long chatId) {
        jdbc.update("DELETE FROM chat_drafts WHERE chat_id = ?", chatId);
    }

    void purgeExpired() {
        jdbc.update("DELETE FROM chat_drafts WHERE expires_at <= ?", clock.instant());
    }
}
