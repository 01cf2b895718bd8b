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
import dev.fxalert.evaluation.delivery.TelegramNotifier;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** End to end through TelegramBots' long polling against a fake Bot API speaking Telegram's JSON. */
class LongPollingBotTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final long MINA = 4242L;
    private static final long JUN = 5353L;
    /** Only a bound for waiting on the poller's threads; nothing here is about speed. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private FakeBotApi api;
    private EmbeddedStores stores;
    private LongPollingBot bot;
    private OkHttpTelegramClient client;
    private TelegramUpdateHandler handler;
    private ChatBot chatBot;
    private Clock clock;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        clock = Clock.fixed(NOW, ZoneOffset.UTC);
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
        stores.rateHistory().append(new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1385.2"), "frankfurter",
                NOW.minus(Duration.ofMinutes(4))), "e1");
        chatBot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())),
                dev.fxalert.core.port.RateSources.none(), clock, BotSettings.defaults(),
                dev.fxalert.bot.command.CommandObserver.NONE, stores.drafts());
        client = new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl());
        handler = new TelegramUpdateHandler(chatBot, client);
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, handler, 2, Duration.ofSeconds(5));
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
        // Per language: private chats (default scope), group members, group administrators (issue 16).
        assertThat(menus).hasSize(6);
        assertThat(menus.get(0).body().path("commands").findValuesAsText("command"))
                .contains("start", "alert", "alerts", "rate", "convert", "pause", "resume", "delete", "help", "lang");
        assertThat(menus.get(1).body().at("/scope/type").asText()).isEqualTo("all_group_chats");
        assertThat(menus.get(1).body().path("commands").findValuesAsText("command"))
                .contains("rate", "convert", "alerts", "share").doesNotContain("alert", "pause", "resume", "delete");
        assertThat(menus.get(2).body().at("/scope/type").asText()).isEqualTo("all_chat_administrators");
        assertThat(menus.get(2).body().path("commands").findValuesAsText("command")).contains("alert", "delete");
        assertThat(menus.get(3).body().path("language_code").asText()).isEqualTo("ko");
        assertThat(menus.get(3).body().path("commands").findValuesAsText("description")).contains("내 알림 목록");
        assertThat(menus.get(4).body().path("language_code").asText()).isEqualTo("ko");
        assertThat(menus.get(4).body().at("/scope/type").asText()).isEqualTo("all_group_chats");
    }

    @Test
    void anInlineQueryIsAnsweredWithARateCard() {
        api.queue(9001, FakeBotApi.inlineQueryUpdate(9001, "iq-9001", MINA, "en", "100 USD KRW"));

        await().atMost(PATIENCE).until(() -> !api.calls("answerInlineQuery").isEmpty());

        FakeBotApi.Call answer = api.calls("answerInlineQuery").get(0);
        assertThat(answer.body().path("inline_query_id").asText()).isEqualTo("iq-9001");
        assertThat(answer.body().at("/results/0/input_message_content/message_text").asText())
                .isEqualTo("100 USD = 138,520 KRW (at 1,385.2 (frankfurter, 4 min ago))");
        assertThat(answer.body().at("/results/0/description").asText()).isEqualTo("1,385.2 (frankfurter, 4 min ago)");
    }

    @Test
    void asksForTheUpdateTypesTheBotHandles() {
        await().atMost(PATIENCE).until(() -> !api.calls("getUpdates").isEmpty());

        assertThat(api.calls("getUpdates").get(0).body().path("allowed_updates").toString()).isEqualTo("[\"message\",\"callback_query\",\"inline_query\",\"my_chat_member\"]");
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

    /**
     * Issue 14: a press on a push's button is answered (answerCallbackQuery) and the push is edited in place
     * (editMessageText on the pressed message) to say what was done, keeping its buttons.
     */
    @Test
    void aPressOnAPushIsAnsweredAndThePushEditedToSayWhatWasDone() {
        api.userSends(MINA, "Mina", "/alert USD KRW above 1400");
        await().atMost(PATIENCE).until(() -> api.sentTexts(MINA).size() == 1);
        User mina = stores.users().findByChatId(MINA).orElseThrow();
        String id = stores.alerts().listByOwner(mina.id()).get(0).id();
        String push = "USD/KRW is 1,401, above your 1,400.\nSource: frankfurter, 2026-11-25 09:00 UTC";

        String callbackId = api.userPressesUnder(MINA, "Mina", push, "p:snooze_1h:" + id);

        await().atMost(PATIENCE).until(() -> !api.calls("editMessageText").isEmpty());
        FakeBotApi.Call answer = api.calls("answerCallbackQuery").get(0);
        assertThat(answer.body().path("callback_query_id").asText()).isEqualTo(callbackId);
        assertThat(answer.body().path("text").asText()).startsWith("Snoozed " + id + " until 2026-11-25 10:00 UTC");
        FakeBotApi.Call edit = api.calls("editMessageText").get(0);
        assertThat(edit.body().path("chat_id").asText()).isEqualTo(Long.toString(MINA));
        assertThat(edit.body().path("message_id").asInt()).isEqualTo(7);
        assertThat(edit.body().path("text").asText()).startsWith(push + "\n\nSnoozed " + id + " until");
        assertThat(edit.body().path("reply_markup").path("inline_keyboard").toString()).contains("p:up_05:" + id);
        assertThat(api.sentTexts(MINA)).as("no extra message").hasSize(1);
        assertThat(stores.alerts().get(mina.id(), id).orElseThrow().snoozedUntil()).isEqualTo(NOW.plusSeconds(3600));
    }

    /** At-least-once: Telegram may forget an update only once it was handled, whatever else was handled since. */
    @Test
    void theOffsetNeverPassesAnUpdateStillBeingHandled() throws Exception {
        bot.close();
        CountDownLatch release = new CountDownLatch(1);
        Set<Integer> handled = ConcurrentHashMap.newKeySet();
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, update -> {
            if (update.getMessage().getChatId() == MINA) {
                awaitQuietly(release);
            }
            handled.add(update.getUpdateId());
        }, 2, Duration.ofSeconds(5));
        bot.start();

        api.userSends(MINA, "Mina", "/alert USD KRW above 1400");
        api.userSends(JUN, "Jun", "/help");
        api.userSends(JUN, "Jun", "/alerts");
        await().atMost(PATIENCE).until(() -> handled.size() == 2);
        int slow = api.unconfirmedUpdateIds().get(0);
        int pollsBefore = api.calls("getUpdates").size();
        await().atMost(PATIENCE).until(() -> api.calls("getUpdates").size() > pollsBefore);

        assertThat(offsets()).allMatch(offset -> offset <= slow);
        assertThat(api.unconfirmedUpdateIds()).contains(slow, slow + 1, slow + 2);

        release.countDown();
        await().atMost(PATIENCE).until(() -> offsets().contains(slow + 3));
        assertThat(handled).containsExactlyInAnyOrder(slow, slow + 1, slow + 2);
    }

    /** A stop acknowledges what was handled; what was taken but not handled comes back to the next run. */
    @Test
    void anUpdateNotHandledBeforeTheStopIsHandledByTheNextRunAndNothingElseIs() throws Exception {
        bot.close();
        CountDownLatch never = new CountDownLatch(1);
        Set<Integer> firstRun = ConcurrentHashMap.newKeySet();
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, update -> {
            if (update.getMessage().getChatId() == MINA) {
                awaitQuietly(never);
                return;
            }
            firstRun.add(update.getUpdateId());
        }, 2, Duration.ZERO);
        bot.start();
        api.userSends(MINA, "Mina", "/alert USD KRW above 1400");
        api.userSends(JUN, "Jun", "/help");
        await().atMost(PATIENCE).until(() -> firstRun.size() == 1);
        int stuck = api.unconfirmedUpdateIds().get(0);

        bot.close();

        assertThat(api.unconfirmedUpdateIds()).containsExactly(stuck, stuck + 1)
                .as("the stuck update holds back the acknowledgement of the later one");
        Set<Integer> secondRun = ConcurrentHashMap.newKeySet();
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, update -> secondRun.add(update.getUpdateId()),
                2, Duration.ofSeconds(5));
        bot.start();
        await().atMost(PATIENCE).until(() -> secondRun.size() == 2);
        bot.close();
        assertThat(secondRun).containsExactlyInAnyOrder(stuck, stuck + 1);
        assertThat(api.unconfirmedUpdateIds()).isEmpty();
    }

    /**
     * A kill -9 after an update was handled and answered, before any getUpdates acknowledged it: Telegram gives it
     * to the next run, which finds it in the journal and only acknowledges it.
     */
    @Test
    void anUpdateHandledAndAnsweredBeforeACrashIsNotAnsweredAgainByTheNextRun() throws Exception {
        bot.close();
        TelegramUpdateHandler journaled = new TelegramUpdateHandler(chatBot, client, new TelegramNotifier(client),
                stores.updateJournal(), clock);
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, journaled, 2, Duration.ofSeconds(5));
        bot.start();
        api.loseConfirmations(true); // the crash: no acknowledgement of this run reaches Telegram

        api.userSends(MINA, "Mina", "/alert USD KRW above 1400");
        await().atMost(PATIENCE).until(() -> api.sentTexts(MINA).size() == 1);
        bot.close();
        assertThat(api.unconfirmedUpdateIds()).as("handled and answered, never acknowledged").hasSize(1);

        api.loseConfirmations(false);
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, journaled, 2, Duration.ofSeconds(5));
        bot.start();
        await().atMost(PATIENCE).until(() -> api.unconfirmedUpdateIds().isEmpty());

        assertThat(api.sentTexts(MINA)).as("answered once").hasSize(1);
        User mina = stores.users().findByChatId(MINA).orElseThrow();
        assertThat(stores.alerts().listByOwner(mina.id())).hasSize(1);
    }

    /**
     * The remaining window: a crash after the reply was accepted but before it was marked in the journal (here: a
     * handler without one). Telegram redelivers the update; it makes no second alert, only a second reply.
     */
    @Test
    void aRedeliveredAlertCommandMakesNoSecondAlert() throws Exception {
        api.userSends(MINA, "Mina", "/alert USD KRW above 1400");
        await().atMost(PATIENCE).until(() -> api.sentTexts(MINA).size() == 1);
        bot.close();
        assertThat(api.unconfirmedUpdateIds()).as("a stop acknowledges what was handled").isEmpty();

        api.queue(1001, FakeBotApi.messageUpdate(1001, MINA, "Mina", "/alert USD KRW above 1400"));
        bot = new LongPollingBot(FakeBotApi.TOKEN, api.telegramUrl(), client, handler, 2, Duration.ofSeconds(5));
        bot.start();
        await().atMost(PATIENCE).until(() -> api.sentTexts(MINA).size() == 2);

        User mina = stores.users().findByChatId(MINA).orElseThrow();
        List<Alert> alerts = stores.alerts().listByOwner(mina.id());
        assertThat(alerts).hasSize(1);
        assertThat(api.sentTexts(MINA).get(1)).startsWith("Alert " + alerts.get(0).id() + " set:");
    }

    private List<Integer> offsets() {
        return api.calls("getUpdates").stream().map(c -> c.body().path("offset").asInt()).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aTamperedButtonIsStillAnswered() {
        api.userPresses(MINA, "Mina", "zz:nonsense");

        await().atMost(PATIENCE).until(() -> !api.calls("answerCallbackQuery").isEmpty());
        assertThat(api.calls("answerCallbackQuery").get(0).body().path("text").asText())
                .isEqualTo("This button no longer works; send /alerts for fresh ones.");
    }
}
