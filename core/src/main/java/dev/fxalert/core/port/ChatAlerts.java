package dev.fxalert.core.port;

/**
 * A user's alerts as a whole, for what happens to their chat (issue 16): delivery sees it in Telegram's answers
 * (403 blocked, 400 migrated), the bot in updates (the bot removed from a group, the group upgraded). One view
 * both extend, so {@link ChatChanges} serves both.
 */
public interface ChatAlerts {

    /** The user's chat moved ({@link UserStore#moveChat}): their alerts now push to {@code newChatId}. */
    int moveChat(String userId, long newChatId);

    /** Pauses every ARMED or FIRED alert of the user (they blocked the bot); returns how many changed. */
    int pauseAllOf(String userId);
}
