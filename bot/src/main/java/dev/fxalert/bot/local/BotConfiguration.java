package dev.fxalert.bot.local;

import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import org.springframework.beans.factory.ObjectProvider;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.bot.chart.JFreeChartRenderer;
import dev.fxalert.bot.command.Charts;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.HistoricalRates;
import dev.fxalert.ingestion.HistoryBackfill;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.RateProviders;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.DeliveryWorker;
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
                           LocalSettings settings, ObjectProvider<CommandObserver> observer, Charts charts,
                           Stores stores, ObjectProvider<DeliveryWorker> delivery) {
        ChatBot bot = new ChatBot(users, alerts, history, lookup, catalogue, sources.getIfAvailable(RateSources::none),
                clock, settings.bot(), observer.getIfAvailable(() -> CommandObserver.NONE), charts, stores.drafts());
        // Quiet hours released (issue 15): /quiet off wakes the delivery worker as evaluation does; looked up when
        // used, so the bot does not wait for the delivery path to be built.
        bot.wakeDeliveryWith((eventId, count) -> delivery.ifAvailable(worker -> worker.pushesRecorded(eventId, count)));
        return bot;
    }

    /**
     * charts (issue 16): drawn with JFreeChart; past rates from Frankfurter's time series when it is a configured
     * provider and the rates are real (the demo's simulated rates get no real history mixed in).
     */
    @Bean
    public Charts charts(Settings settings, ObjectProvider<IngestionConfig> ingestion, Clock clock) {
        IngestionConfig config = ingestion.getIfAvailable();
        boolean real = config != null && !DemoModeConfiguration.demoRequested(settings);
        // A pair's first alert backfills its year in the background, so its first chart is drawn at once. Not a
        // bean: an Executor bean would replace Spring Boot's own task executor; its idle thread ends by itself.
        return real ? new Charts(new JFreeChartRenderer(), RateProviders.historicalRates(config, clock),
                HistoryBackfill.backgroundExecutor())
                : new Charts(new JFreeChartRenderer(), HistoricalRates.none());
    }
}
