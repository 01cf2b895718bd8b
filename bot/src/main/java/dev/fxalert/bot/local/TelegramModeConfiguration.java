package dev.fxalert.bot.local;

import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.polling.LongPollingBot;
import dev.fxalert.bot.telegram.TelegramApiUrl;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;

/** With TELEGRAM_BOT_TOKEN: long polling for commands, and pushes through the same Telegram client. */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramTokenCondition.TokenSet.class)
public class TelegramModeConfiguration {

    @Bean
    public TelegramUrl telegramUrl(LocalSettings settings) {
        return TelegramApiUrl.parse(settings.telegramApi().baseUrl().toString());
    }

    @Bean
    public TelegramClient telegramClient(Secrets secrets, TelegramUrl telegramUrl) {
        // No silent transport retries: a repeated sendMessage may be a duplicate message (see TelegramNotifier).
        return new OkHttpTelegramClient(TelegramNotifier.httpClient(), secrets.require(TelegramTokenCondition.TOKEN),
                telegramUrl);
    }

    /** How evaluation delivers alert pushes. */
    @Bean
    public Notifier notifier(TelegramClient client) {
        return new TelegramNotifier(client);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    public LongPollingBot longPollingBot(Secrets secrets, TelegramUrl telegramUrl, TelegramClient client, ChatBot bot,
                                         LocalSettings settings, PacedSender pushes, Stores stores, Clock clock) {
        // Replies take their slots from the pushes' limiter: one budget for everything the bot sends. The journal
        // keeps an update redelivered after a kill -9 from being answered twice.
        return new LongPollingBot(secrets.require(TelegramTokenCondition.TOKEN), telegramUrl, client,
                new TelegramUpdateHandler(bot, client, pushes.sharedBudget(), stores.updateJournal(), clock),
                settings.telegramWorkers(), settings.telegramShutdownGrace());
    }
}
