package dev.fxalert.bot.command;

/**
 * Something happened to a chat the bot is in, independent of the transport (issue 16).
 *
 * @param chatId    the chat it happened to
 * @param newChatId for {@link Kind#MIGRATED}: the supergroup the group became; otherwise the chat id again
 * @param language  the language of whoever caused it (for a reply to a chat that has no user yet)
 */
public record ChatMembershipChange(Kind kind, long chatId, long newChatId, String language) {

    public enum Kind {
        /** The group became a supergroup with another chat id; its alerts must follow. */
        MIGRATED,
        /** The bot was removed from the group (or the person blocked it): nothing can be sent there. */
        REMOVED,
        /** The bot was added (back) to the group. */
        ADDED
    }
}
