package dev.fxalert.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Publishes the command menu (setMyCommands) so Telegram suggests our commands as people type a slash. */
public final class CommandMenu {

    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);

    private CommandMenu() {
    }

    /** @return false when Telegram refused; the bot works without a menu, so this is logged, not fatal */
    public static boolean publish(TelegramClient client) {
        try {
            client.execute(TelegramMessages.menu());
            return true;
        } catch (TelegramApiException e) {
            log.warn("Could not publish the command menu: {}", e.getMessage());
            return false;
        }
    }
}
