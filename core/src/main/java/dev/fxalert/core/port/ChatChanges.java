package dev.fxalert.core.port;

/**
 * What follows when a user's chat changes, the same whether delivery learnt it from Telegram's answer to a push or
 * the bot from an update (issue 16): the one place that knows both stores take part and in which order.
 */
public final class ChatChanges {

    private ChatChanges() {
    }

    /**
     * A group became a supergroup (Telegram's {@code migrate_to_chat_id}): the user and then their alerts follow to
     * {@code newChatId}. Idempotent. False when the user is unknown or another user already has the new chat (the
     * alerts then stay where they are).
     */
    public static boolean moveChat(UserStore users, ChatAlerts alerts, String userId, long newChatId) {
        if (!users.moveChat(userId, newChatId)) {
            return false;
        }
        alerts.moveChat(userId, newChatId);
        return true;
    }

    /**
     * The chat can no longer be written to (the person blocked the bot, the bot was removed from the group): the
     * user is marked inactive and their alerts paused, so nothing fires into the void. Returns how many alerts
     * were paused.
     */
    public static int chatGone(UserStore users, ChatAlerts alerts, String userId) {
        users.deactivate(userId);
        return alerts.pauseAllOf(userId);
    }
}
