package dev.fxalert.bot.telegram;

import dev.fxalert.core.port.ChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Asks Telegram (getChatMember) whether a person administers a group (issue 16). Wrap it in a cache. */
public final class TelegramChatAdministrators implements ChatAdministrators {

    private final TelegramClient client;

    public TelegramChatAdministrators(TelegramClient client) {
        this.client = client;
    }

    @Override
    public boolean isAdministrator(long chatId, long userId) {
        try {
            return TelegramMessages.isAdministrator(client.execute(new GetChatMember(Long.toString(chatId), userId)));
        } catch (TelegramApiException e) {
            // Nothing is assumed either way: the command fails with the usual apology and can be tried again.
            throw new IllegalStateException("getChatMember for chat " + chatId + " failed: " + e.getMessage(), e);
        }
    }
}
