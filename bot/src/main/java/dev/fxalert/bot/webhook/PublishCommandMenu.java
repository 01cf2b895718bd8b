package dev.fxalert.bot.webhook;

import dev.fxalert.bot.telegram.CommandMenu;
import dev.fxalert.bot.telegram.TelegramApiUrl;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import java.util.function.Function;

/**
 * Publishes the command menu ({@code setMyCommands}, once per language) for the bot on AWS. Long polling publishes
 * it at every start; the webhook Lambda does not (it would add two Telegram calls to the first update of every
 * container, for a menu that only changes with a deploy). So the operator runs this once per deploy that changes
 * the commands, in the runbook's "Set the Telegram webhook" step, with the bot token in {@code TELEGRAM_BOT_TOKEN}
 * (and {@code TELEGRAM_API_URL} when not the public Bot API):
 * <pre>
 * TELEGRAM_BOT_TOKEN=... java -cp bot/target/fx-alert-bot-lambda.jar dev.fxalert.bot.webhook.PublishCommandMenu
 * </pre>
 * Exits 0 when Telegram accepted every language's menu, 1 otherwise.
 */
public final class PublishCommandMenu {

    private PublishCommandMenu() {
    }

    public static void main(String[] args) {
        System.exit(publish(System::getenv) ? 0 : 1);
    }

    /** Publishes the menus with the token and API URL {@code environment} gives; true when all were accepted. */
    static boolean publish(Function<String, String> environment) {
        String token = new Secrets(environment).require("TELEGRAM_BOT_TOKEN");
        TelegramApiConfig api = TelegramApiConfig.from(Settings.of(environment));
        OkHttpTelegramClient client = new OkHttpTelegramClient(TelegramNotifier.httpClient(), token,
                TelegramApiUrl.parse(api.baseUrl().toString()));
        return CommandMenu.publish(client);
    }
}
