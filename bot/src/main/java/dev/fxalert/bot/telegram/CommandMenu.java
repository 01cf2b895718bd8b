package dev.fxalert.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Publishes the command menu (setMyCommands) so Telegram suggests our commands as people type a slash. */
public final class CommandMenu {

    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);

    private CommandMenu() {
    }

    /**
     * Publishes the menu in every language (one call each).
     *
     * @return false when Telegram refused one; the bot works without a menu, so this is logged, not fatal
     */
    public static boolean publish(TelegramClient client) {
        boolean all = true;
        for (SetMyCommands menu : TelegramMessages.menus()) {
            try {
                client.execute(menu);
            } catch (TelegramApiException e) {
                log.warn("Could not publish the command menu for language '{}': {}", menu.getLanguageCode(),
                        e.getMessage());
                all = false;
            }
        }
        return all;
    }
}
