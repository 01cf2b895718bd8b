package dev.fxalert.bot.command;

/**
 * Someone typing {@code @bot 100 USD KRW} in any chat (issue 16), independent of the transport.
 *
 * @param queryId  what the transport needs to answer it (Telegram's inline query id)
 * @param senderId the person typing; their private chat with the bot has the same id, so a stored /lang applies
 * @param language the language their client reports, for people the bot does not know yet
 */
public record IncomingInlineQuery(String queryId, long senderId, String query, String language) {

    public IncomingInlineQuery {
        query = query == null ? "" : query;
    }
}
