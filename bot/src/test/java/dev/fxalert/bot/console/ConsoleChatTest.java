package dev.fxalert.bot.console;

import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.RateProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsoleChatTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;
    private EmbeddedStores stores;
    private ChatBot bot;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ConsoleNotifier notifier = new ConsoleNotifier(new PrintStream(printed, true, StandardCharsets.UTF_8));

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
        stores.rateHistory().append(new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1385.2"), "frankfurter",
                NOW.minus(Duration.ofMinutes(4))), "e1");
        bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())),
                dev.fxalert.core.port.RateSources.none(), clock, BotSettings.defaults(),
                dev.fxalert.bot.command.CommandObserver.NONE, stores.drafts());
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private final AtomicInteger endsOfInput = new AtomicInteger();

    private ConsoleChat chatReading(String typed) {
        ConsoleChat chat = new ConsoleChat(bot, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), notifier,
                List.of("FX Alert console chat.", "Log: data/fx-alert.log"), endsOfInput::incrementAndGet);
        chat.start();
        return chat;
    }

    @Test
    void answersCommandsTypedOnStandardInputAndShowsButtonsAsCommands() {
        ConsoleChat chat = chatReading("/start\n\n/alert USD KRW above 1400\n/alerts\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> !chat.isReading());

        Alert alert = stores.alerts().listByOwner(stores.users().findByChatId(ConsoleChat.CHAT_ID).orElseThrow().id()).get(0);
        String id = alert.id();
        assertThat(printed())
                .contains("bot> Hi! I watch exchange rates")
                .contains("bot> Alert " + id + " set: USD/KRW above 1,400 (re-arms when back below 1,393).\n"
                        + "bot> Now 1,385.2 (frankfurter, 4 min ago): it would not fire right now.\n"
                        + "     [Pause: /pause " + id + "] [Delete: /delete " + id + "]\n")
                .contains("     [Pause " + id + ": /pause " + id + "] [Delete " + id + ": /delete " + id + "]"
                        + " [Share: /share " + id + "]\n");
    }

    /** Issue 14: guided creation in the console, which has no buttons: each button shows what to type. */
    @Test
    void guidedCreationGoesStepByStepByTypingWhatTheButtonsShow() {
        ConsoleChat chat = chatReading("/start\n/alert\nUSD/KRW\nabove\n1400\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> !chat.isReading());

        assertThat(printed())
                .contains("bot> New alert, step 1 of 3: which pair?")
                .contains("[USD/KRW: USD/KRW]")
                .contains("bot> New alert on USD/KRW, step 2 of 3. Now: 1,385.2 (frankfurter, 4 min ago).")
                .contains("[above ↑: above] [below ↓: below]")
                .contains("[1,392.1 (+0.5%): 1392.1]")
                .contains("[1,390: 1390] [1,400: 1400]")
                .contains("bot> Alert ");
        Alert alert = stores.alerts().listByOwner(stores.users().findByChatId(ConsoleChat.CHAT_ID).orElseThrow().id()).get(0);
        assertThat(alert.threshold()).isEqualByComparingTo("1400");
        assertThat(stores.drafts().find(ConsoleChat.CHAT_ID)).as("done").isEmpty();
    }

    /** polish14: the percent-move steps in the console, by typing what their buttons show. */
    @Test
    void guidedCreationOfAPercentMoveGoesByTypingWhatTheButtonsShow() {
        ConsoleChat chat = chatReading("/start\n/alert\nUSD/KRW\nmove\nmove 1%\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> !chat.isReading());

        assertThat(printed())
                .contains("[above ↑: above] [below ↓: below] [moves ± %: move]")
                .contains("bot> New alert: USD/KRW moves either way …, step 3: by how many percent?")
                .contains("[±0.5%: move 0.5%] [±1%: move 1%] [±2%: move 2%]")
                .contains("set: USD/KRW moves either way 1% within 24h");
        Alert alert = stores.alerts().listByOwner(stores.users().findByChatId(ConsoleChat.CHAT_ID).orElseThrow().id()).get(0);
        assertThat(alert.move().label()).isEqualTo("24h");
        assertThat(stores.drafts().find(ConsoleChat.CHAT_ID)).as("done").isEmpty();
    }

    @Test
    void printsTheBannerOnceThenAPromptBeforeEachLine() {
        ConsoleChat chat = chatReading("/help\n\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> !chat.isReading());

        String printed = printed();
        assertThat(printed).startsWith("FX Alert console chat.\nLog: data/fx-alert.log\nyou> bot> ");
        assertThat(printed.split("FX Alert console chat", -1)).as("banner printed once").hasSize(2);
        assertThat(printed.split("you> ", -1)).as("one prompt per line typed, and one at the end").hasSize(4);
        assertThat(printed).endsWith("you> \nBye.\n");
    }

    @Test
    void endOfInputSaysGoodbyeAndRunsTheEndActionOnce() {
        ConsoleChat chat = chatReading("");

        await().atMost(Duration.ofSeconds(20)).until(() -> !chat.isReading());

        assertThat(printed()).isEqualTo("FX Alert console chat.\nLog: data/fx-alert.log\nyou> \nBye.\n");
        assertThat(endsOfInput).hasValue(1);
    }

    @Test
    void closingTheChatIsNotAnEndOfInput() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        ConsoleChat chat = new ConsoleChat(bot, new PipedInputStream(keyboard), notifier, List.of(),
                endsOfInput::incrementAndGet);
        chat.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> printed().equals("you> "));

        chat.close();
        keyboard.close();

        await().atMost(Duration.ofSeconds(20)).until(() -> !chat.isReading());
        assertThat(endsOfInput).hasValue(0);
        assertThat(printed()).isEqualTo("you> ");
    }

    @Test
    void aPushWhileThePromptWaitsStartsOnItsOwnLineAndPutsThePromptBack() {
        notifier.prompt();
        notifier.send(OutgoingMessage.text(ConsoleChat.CHAT_ID, "USD/KRW reached 1,401"));

        assertThat(printed()).isEqualTo("you> \nbot> USD/KRW reached 1,401\nyou> ");
    }

    @Test
    void repliesToATypedLineFollowTheEchoedLineDirectly() {
        notifier.prompt();
        notifier.lineTyped();
        notifier.send(OutgoingMessage.text(ConsoleChat.CHAT_ID, "Alert set"));

        assertThat(printed()).isEqualTo("you> bot> Alert set\n");
    }

    @Test
    void printsAlertPushesWithTheirButtons() {
        notifier.send(new OutgoingMessage(1L, "USD/KRW is 1,401", List.of(List.of(
                new OutgoingMessage.Button("Re-arm", "a:rearm:k3m9x2qa")))));

        assertThat(printed()).isEqualTo("bot> USD/KRW is 1,401\n     [Re-arm: /resume k3m9x2qa]\n");
    }
}
