package dev.fxalert.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Issue 14, guided creation: how far one chat got in making an alert with buttons ({@code /alert} alone). Kept in
 * the store, not in memory, because on the webhook Lambda nothing survives between two updates. The step follows
 * from what is chosen: no pair yet, then the pair without a direction, then both (the threshold comes last and
 * creates the alert, which ends the draft). A draft past {@code expiresAt} is gone.
 *
 * @param pair      chosen pair, or null
 * @param direction chosen direction, or null (never set before the pair)
 */
public record ChatDraft(long chatId, CurrencyPair pair, Direction direction, Instant expiresAt) {

    /** How long a draft waits for the next step. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    public ChatDraft {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (direction != null && pair == null) {
            throw new IllegalArgumentException("a direction needs a pair");
        }
    }

    public static ChatDraft start(long chatId, Instant now) {
        return new ChatDraft(chatId, null, null, now.plus(LIFETIME));
    }

    /** The pair chosen; the draft lives another {@link #LIFETIME}. */
    public ChatDraft withPair(CurrencyPair chosen, Instant now) {
        return new ChatDraft(chatId, Objects.requireNonNull(chosen, "chosen"), null, now.plus(LIFETIME));
    }

    /** The direction chosen, after the pair; the draft lives another {@link #LIFETIME}. */
    public ChatDraft withDirection(Direction chosen, Instant now) {
        if (pair == null) {
            throw new IllegalStateException("choose a pair before a direction");
        }
        return new ChatDraft(chatId, pair, Objects.requireNonNull(chosen, "chosen"), now.plus(LIFETIME));
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
