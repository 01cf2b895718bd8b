package dev.fxalert.bot.polling;

import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.RateProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** End to end through TelegramBots' long polling against a fake Bot API speaking Telegram's JSON. */
class LongPollingBotTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final long MINA = 4242L;
    /** Only a bound for waiting on the poller's threads; nothing here is about speed. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private FakeBotApi api;
    private EmbeddedStores stores;
    private LongPollingBot bot;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
        stores.rateHistory().append(new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1385.2"), "frankfurter",
                NOW.minus(Duration.ofMinutes(4))), "e1");
        ChatBot chatBot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())), clock,
                BotSettings.defaults());
        OkHttpTelegramClient client = new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl());
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, new TelegramUpdateHandler(chatBot, client),
                2, Duration.ofSeconds(5));
        bot.start();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        stores.close();
        api.close();
    }

    @Test
    void publishesTheCommandMenuAtStartUp() {
        List<FakeBotApi.Call> menus = api.calls("setMyCommands");
        assertThat(menus).hasSize(2);
        assertThat(menus.get(0).body().path("commands").findValuesAsText("command"))
                .contains("start", "alert", "alerts", "rate", "convert", "pause", "resume", "delete", "help", "lang");
        assertThat(menus.get(1).body().path("language_code").asText()).isEqualTo("ko");
        assertThat(menus.get(1).body().path("commands").findValuesAsText("description")).contains("내 알림 목록");
    }

    @Test
    void aUserStartsAndSetsAnAlert() {
        api.userSends(MINA, "Mina", "/start");
        api.userSends(MINA, "Mina", "/alert USD KRW above 1400");

        await().atMost(PATIENCE).until(() -> api.sentTexts(MINA).size() == 2);

        List<String> replies = api.sentTexts(MINA);
        assertThat(replies.get(0)).startsWith("Hi Mina! I watch exchange rates");
        User mina = stores.users().findByChatId(MINA).orElseThrow();
        Alert alert = stores.alerts().listByOwner(mina.id()).get(0);
        assertThat(replies.get(1)).isEqualTo("Alert " + alert.id() + " set: USD/KRW above 1,400 (re-arms when back below 1,393).\n"
                + "Now 1,385.2 (frankfurter, 4 min ago): it would not fire right now.");
        FakeBotApi.Call confirmation = api.calls("sendMessage").get(1);
        assertThat(confirmation.body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
                .isEqualTo("a:pause:" + alert.id());
    }

    @Test
    void aButtonPressIsAnsweredAndActedOn() {
        api.userSends(MINA, "Mina", "/alert USD KRW above 1400");
        await().atMost(PATIENCE).until(() -> api.sentTexts(MINA).size() == 1);
        User mina = stores.users().findByChatId(MINA).orElseThrow();
        String id = stores.alerts().listByOwner(mina.id()).get(0).id();

        String callbackId = api.userPresses(MINA, "Mina", "a:pause:" + id);

        await().atMost(PATIENCE).until(() -> !api.calls("answerCallbackQuery").isEmpty());
        FakeBotApi.Call answer = api.calls("answerCallbackQuery").get(0);
        assertThat(answer.body().path("callback_query_id").asText()).isEqualTo(callbackId);
        assertThat(answer.body().path("text").asText()).isEqualTo("Paused " + id + " (USD/KRW above 1,400).");
        assertThat(stores.alerts().get(mina.id(), id)).get().extracting(Alert::state).isEqualTo(AlertState.PAUSED);
    }

    @Test
    void aTamperedButtonIsStillAnswered() {
        api.userPresses(MINA, "Mina", "zz:nonsense");

        await().atMost(PATIENCE).until(() -> !api.calls("answerCallbackQuery").isEmpty());
        assertThat(api.calls("answerCallbackQuery").get(0).body().path("text").asText())
                .isEqualTo("This button no longer works; send /alerts for fresh ones.");
    }
}
