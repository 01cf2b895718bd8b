package dev.fxalert.bot.local;

import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import org.springframework.beans.factory.ObjectProvider;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The ports as beans (for the bot, and for ingestion and evaluation once wired in) and the chat bot over them. */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    @Bean
    public AlertStore alertStore(Stores stores) {
        return stores.alerts();
    }

    @Bean
    public UserStore userStore(Stores stores) {
        return stores.users();
    }

    @Bean
    public RateHistory rateHistory(Stores stores) {
        return stores.rateHistory();
    }

    @Bean
    public ChatBot chatBot(UserStore users, AlertStore alerts, RateHistory history, RateLookup lookup,
                           CurrencyCatalogue catalogue, ObjectProvider<RateSources> sources, Clock clock,
                           LocalSettings settings, ObjectProvider<CommandObserver> observer, Stores stores) {
        return new ChatBot(users, alerts, history, lookup, catalogue, sources.getIfAvailable(RateSources::none), clock,
                settings.bot(), observer.getIfAvailable(() -> CommandObserver.NONE), stores.drafts());
    }
}
