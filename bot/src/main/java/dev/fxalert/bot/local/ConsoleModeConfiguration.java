package dev.fxalert.bot.local;

import dev.fxalert.bot.app.ConsoleStreams;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.console.ConsoleChat;
import dev.fxalert.bot.console.ConsoleNotifier;
import dev.fxalert.core.port.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Without TELEGRAM_BOT_TOKEN: the whole product in the terminal, replies and alert pushes printed. */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramTokenCondition.NoToken.class)
public class ConsoleModeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsoleModeConfiguration.class);

    /** How evaluation delivers alert pushes: printed, like the replies. */
    @Bean
    public Notifier notifier(ConsoleStreams streams) {
        return new ConsoleNotifier(streams.out());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    public ConsoleChat consoleChat(ChatBot bot, ConsoleStreams streams, Notifier notifier) {
        log.info("No TELEGRAM_BOT_TOKEN set, so no Telegram: this is the console chat. Type commands such as "
                + "/start, /alert USD KRW above 1400 or /help and press Enter. To chat on Telegram instead, set "
                + "TELEGRAM_BOT_TOKEN to the token from @BotFather (see .env.example) and restart.");
        return new ConsoleChat(bot, streams.in(), notifier);
    }
}
