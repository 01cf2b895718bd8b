package dev.fxalert.core.port;

import dev.fxalert.core.domain.User;

import java.util.List;
import java.util.Optional;

/** Users are linked one-to-one to a Telegram chat id. */
public interface UserStore {

    /**
     * Finds the user of this chat or creates one; a user who had blocked the bot and talks to it again is
     * active again. Safe to call concurrently for the same chat: one user per chat, always.
     */
    User linkChat(long chatId, String displayName, String language);

    Optional<User> findByChatId(long chatId);

    Optional<User> findById(String userId);

    /**
     * Stores the language the user chose with /lang (a code such as {@code ko}); later links of the chat keep it.
     * Returns false when the user is unknown.
     */
    boolean setLanguage(String userId, String language);

    /**
     * Stores the time zone the user chose with /timezone (an id {@link java.time.ZoneId#of} reads, e.g.
     * {@code Asia/Seoul}). Returns false when the user is unknown.
     */
    boolean setTimezone(String userId, String timezone);

    // Quiet hours and digest (issue 15)

    /**
     * Stores the user's quiet hours ({@link dev.fxalert.core.domain.QuietHours#toString()}, e.g. {@code 23:00-07:00}),
     * or removes them when {@code quietHours} is null (/quiet off). Returns false when the user is unknown.
     */
    boolean setQuietHours(String userId, String quietHours);

    /**
     * Stores the local time of the user's daily digest ({@code HH:mm}), or removes it when {@code digestTime} is null
     * (/digest off). Returns false when the user is unknown.
     */
    boolean setDigestTime(String userId, String digestTime);

    /**
     * Claims the user's digest of {@code date} (their local date): true for exactly one caller per user and date,
     * even when the schedule fires twice or callers race (a conditional write), false when that date's (or a later
     * one's) digest was already claimed or the user is unknown. The digest is sent after the claim: a crash in
     * between loses that day's digest rather than ever sending it twice.
     */
    boolean claimDigest(String userId, java.time.LocalDate date);

    /**
     * Digest batches (issue 15): the active users whose digest is at {@code digestTime} ({@code HH:mm}, their local
     * time, whatever their zone), ordered by id, after {@code afterUserId} (null for the start), at most
     * {@code limit}. Delivery sends the digests of one time of day in batches this way instead of one invocation
     * per user (an index on the digest time: H2 {@code users_digest_time}, DynamoDB's sparse {@code digestById}).
     */
    List<User> listByDigestTime(String digestTime, String afterUserId, int limit);

    /**
     * The users of {@code userIds} that exist, by id, read in batches (one IN query on H2, BatchGetItem of up to
     * 100 keys on DynamoDB) rather than one read per id: delivery reads the owners of a fan-out this way.
     */
    java.util.Map<String, User> findByIds(java.util.Collection<String> userIds);

    /** Marks the user inactive (blocked the bot, chat gone); returns false when unknown or already inactive. */
    boolean deactivate(String userId);

    /**
     * An operator reactivates a user (the opposite of {@link #deactivate}); returns false when unknown or already
     * active.
     */
    boolean reactivate(String userId);

    /**
     * Operator search: users whose chat id is {@code text} (when it is a whole number) or whose display name contains
     * {@code text} ignoring case, ordered by display name then id, at most {@code limit}. May read every user: for
     * the operator only.
     */
    List<User> search(String text, int limit);

    /**
     * The user's chat became another one (Telegram upgraded a group to a supergroup: migrate_to_chat_id).
     * True when the user now has {@code newChatId} (also when it already had it); false when the user is unknown or
     * another user already has that chat. The old chat id is free afterwards.
     */
    boolean moveChat(String userId, long newChatId);

    UserCounts counts();

    /** Active users ordered by id, after {@code afterUserId} (null for the start): broadcast pagination. */
    List<User> listActive(String afterUserId, int limit);

    record UserCounts(long active, long inactive) {
    }
}
