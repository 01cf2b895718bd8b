package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.ChatDraft;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static dev.fxalert.bot.command.ChatBotFixture.CHAT;
import static dev.fxalert.bot.command.ChatBotFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: /alert alone makes an alert with buttons, each step editing the same message; the draft lives in the
 * store, so a second bot over the same store (the next webhook invocation) continues it.
 */
class GuidedAlertChatTest {

    private final MutableClock clock = new MutableClock(NOW);
    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000, clock);

    @BeforeEach
    void open() {
        chat.storedRate("USD/KRW", "1385.2", "frankfurter", Duration.ofMinutes(4));
        chat.reply("/start");
    }

    private static List<String> labels(OutgoingMessage message) {
        return message.buttons().stream().flatMap(List::stream).map(OutgoingMessage.Button::label).toList();
    }

    private CallbackOutcome press(OutgoingMessage on, String label) {
        String data = on.buttons().stream().flatMap(List::stream).filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in " + labels(on))).callbackData();
        assertThat(data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        return chat.bot.handle(new IncomingCallback("cb-" + label, CHAT, data, "Mina", "en", 500, on.text()));
    }

    private User mina() {
        return chat.stores.users().findByChatId(CHAT).orElseThrow();
    }

    @Test
    void threeButtonPressesMakeTheAlertEachEditingTheSameMessage() {
        chat.reply("/alert EUR USD below 1.05");
        OutgoingMessage pairs = chat.send("/alert");
        assertThat(pairs.text()).startsWith("New alert, step 1 of 3: which pair?");
        assertThat(labels(pairs)).as("recent pairs first, then common ones, and Cancel")
                .startsWith("EUR/USD", "USD/KRW", "USD/JPY").endsWith("Cancel");

        CallbackOutcome direction = press(pairs, "USD/KRW");
        assertThat(direction.messages()).isEmpty();
        assertThat(direction.edit().orElseThrow().text())
                .isEqualTo("New alert on USD/KRW, step 2 of 3. Now: 1,385.2 (frankfurter, 4 min ago). Tell me when it goes…");
        CallbackOutcome threshold = press(direction.edit().orElseThrow(), "above ↑");
        OutgoingMessage numbers = threshold.edit().orElseThrow();
        assertThat(numbers.text()).startsWith("New alert: USD/KRW above …, step 3 of 3: which number?");
        assertThat(labels(numbers)).containsExactly("1,392.1 (+0.5%)", "1,399.1 (+1%)", "1,412.9 (+2%)",
                "1,390", "1,400", "Cancel");

        CallbackOutcome created = press(numbers, "1,400");

        assertThat(created.edit().orElseThrow().text()).startsWith("Alert ").contains("set: USD/KRW above 1,400");
        assertThat(chat.stores.alerts().listByOwner(mina().id())).extracting(Alert::threshold)
                .usingElementComparator(BigDecimal::compareTo).contains(new BigDecimal("1400"));
        assertThat(chat.stores.drafts().find(CHAT)).isEmpty();
        assertThat(press(numbers, "1,390").answer()).as("a stale step after the end")
                .isEqualTo("This question has expired; send /alert to start again.");
    }

    @Test
    void typedTextDuringADraftAnswersItsStepAndTheThresholdCreatesTheAlert() {
        chat.send("/alert");
        assertThat(chat.reply("usd krw")).startsWith("New alert on USD/KRW, step 2 of 3.");
        assertThat(chat.reply("sideways")).startsWith("Choose above or below");
        assertThat(chat.reply("below")).startsWith("New alert: USD/KRW below …, step 3 of 3");

        assertThat(chat.reply("1,370.5 rent")).startsWith("Alert ").contains("USD/KRW below 1,370.5");

        Alert alert = chat.stores.alerts().listByOwner(mina().id()).get(0);
        assertThat(alert.direction()).isEqualTo(Direction.BELOW);
        assertThat(alert.note()).isEqualTo("rent");
        assertThat(chat.reply("hello")).as("no draft any more").startsWith("I understand commands");
    }

    @Test
    void theDraftIsInTheStoreSoAnotherBotOverItContinuesIt() {
        chat.send("/alert");
        chat.reply("USD/KRW");

        assertThat(chat.stores.drafts().find(CHAT)).get().extracting(ChatDraft::pair).hasToString("USD/KRW");
        // The webhook builds its bot over the same store: a fresh bot over this store continues the draft.
        ChatBot fresh = new ChatBot(chat.stores.users(), chat.stores.alerts(), chat.stores.rateHistory(),
                pair -> java.util.Optional.empty(),
                dev.fxalert.ingestion.RateProviders.shippedCatalogue(
                        dev.fxalert.ingestion.IngestionConfig.fromEnvironment(java.util.Map.of())),
                dev.fxalert.core.port.RateSources.none(), clock, BotSettings.defaults(), CommandObserver.NONE,
                chat.stores.drafts());
        assertThat(fresh.handle(IncomingMessage.privateText(CHAT, "above")).get(0).text())
                .startsWith("New alert: USD/KRW above …, step 3 of 3");
    }

    @Test
    void aDraftExpiresAfterAFewMinutesAndCancelEndsIt() {
        OutgoingMessage pairs = chat.send("/alert");
        clock.advance(ChatDraft.LIFETIME);

        assertThat(press(pairs, "USD/KRW").edit().orElseThrow().text())
                .isEqualTo("This question has expired; send /alert to start again.");
        assertThat(chat.reply("USD/KRW")).as("typed after expiry").startsWith("I understand commands");

        OutgoingMessage again = chat.send("/alert");
        CallbackOutcome cancelled = press(again, "Cancel");
        assertThat(cancelled.edit().orElseThrow().text()).isEqualTo("No new alert. /alert starts again.");
        assertThat(cancelled.edit().orElseThrow().buttons()).isEmpty();
        assertThat(chat.stores.drafts().find(CHAT)).isEmpty();
    }

    // polish14 (issue 14 follow-up): the guided flow offers a percent move too, made as /alert ... move 1% 24h makes it

    @Test
    void aPercentMoveIsOfferedNextToAboveAndBelowThenItsPercentAndWindowMakeTheSameAlertAsTyped() {
        OutgoingMessage pairs = chat.send("/alert");
        OutgoingMessage direction = press(pairs, "USD/KRW").edit().orElseThrow();
        assertThat(labels(direction)).containsExactly("above ↑", "below ↓", "moves ± %", "Cancel");

        OutgoingMessage percents = press(direction, "moves ± %").edit().orElseThrow();
        assertThat(percents.text()).isEqualTo("New alert: USD/KRW moves either way …, step 3: by how many percent? "
                + "Now: 1,385.2 (frankfurter, 4 min ago). Pick one or type it, e.g. 1.5% (within 24h) or 1.5% 7d.");
        assertThat(labels(percents)).containsExactly("±0.5%", "±1%", "±2%", "Cancel");
        OutgoingMessage windows = press(percents, "±1%").edit().orElseThrow();
        assertThat(windows.text()).startsWith("New alert: USD/KRW moves either way 1% …, last step: within how long?");
        assertThat(labels(windows)).containsExactly("1h", "24h", "7d", "30d", "Cancel");

        OutgoingMessage created = press(windows, "24h").edit().orElseThrow();

        Alert guided = chat.stores.alerts().listByOwner(mina().id()).get(0);
        assertThat(created.text()).startsWith("Alert " + guided.id() + " set: USD/KRW moves either way 1% within 24h "
                + "(re-arms once the move is back under 0.5%).");
        assertThat(chat.stores.drafts().find(CHAT)).isEmpty();
        // The same request typed is the same alert: the identical-alert check finds the guided one.
        assertThat(chat.reply("/alert USD KRW move 1% 24h")).startsWith("You already have this alert");
        assertThat(chat.stores.alerts().listByOwner(mina().id())).hasSize(1);
    }

    @Test
    void aTypedPercentAnswersTheStepWithin24hUnlessAWindowIsSaidAndAWindowAloneIsRefused() {
        chat.send("/alert");
        chat.reply("usd krw");
        assertThat(chat.reply("7d")).startsWith("Choose above or below, or a move in percent");
        assertThat(chat.reply("1.5%")).startsWith("Alert ").contains("USD/KRW moves either way 1.5% within 24h");

        chat.send("/alert");
        chat.reply("USD/KRW");
        assertThat(chat.reply("up")).startsWith("New alert: USD/KRW moves up …, step 3");
        assertThat(chat.reply("up 2 % 7d Rent")).startsWith("Alert ").contains("USD/KRW moves up 2% within 7d")
                .contains("Rent");

        assertThat(chat.stores.alerts().listByOwner(mina().id())).extracting(a -> a.move().label())
                .containsExactlyInAnyOrder("24h", "7d");
        assertThat(chat.stores.drafts().find(CHAT)).isEmpty();
    }

    @Test
    void theMoveStepsSpeakKorean() {
        chat.reply("/lang ko");
        OutgoingMessage direction = press(press(chat.send("/alert"), "USD/KRW").edit().orElseThrow(), "변동 ± %")
                .edit().orElseThrow();
        assertThat(direction.text()).startsWith("새 알림: USD/KRW 상승 또는 하락 …, 3단계");
        assertThat(press(direction, "±1%").edit().orElseThrow().text())
                .startsWith("새 알림: USD/KRW 상승 또는 하락 1% …, 마지막 단계");
    }

    @Test
    void roundNumbersAreTheNearestBeyondTheRateInTheAlertsDirection() {
        assertThat(GuidedAlert.roundNumbers(new BigDecimal("1385.2"), Direction.ABOVE))
                .extracting(BigDecimal::toPlainString).containsExactly("1390", "1400");
        assertThat(GuidedAlert.roundNumbers(new BigDecimal("1.0523"), Direction.BELOW))
                .extracting(BigDecimal::toPlainString).containsExactly("1.05", "1");
        assertThat(GuidedAlert.roundNumbers(new BigDecimal("0.00723"), Direction.ABOVE))
                .extracting(BigDecimal::toPlainString).containsExactly("0.00724", "0.0073");
    }
}
