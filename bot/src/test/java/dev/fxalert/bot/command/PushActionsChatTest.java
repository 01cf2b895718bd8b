package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.evaluation.message.PushMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static dev.fxalert.bot.command.ChatBotFixture.CHAT;
import static dev.fxalert.bot.command.ChatBotFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the buttons on a push (snooze, move the target, pause, delete) and their typed twins. */
class PushActionsChatTest {

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000);
    private User mina;
    private Alert alert;
    private OutgoingMessage push;

    @BeforeEach
    void firedAlert() {
        chat.reply("/alert USD KRW above 1400");
        mina = chat.stores.users().findByChatId(CHAT).orElseThrow();
        String id = chat.stores.alerts().listByOwner(mina.id()).get(0).id();
        chat.stores.alerts().markFired(id, new Firing("e1", new BigDecimal("1401.37"), "frankfurter", NOW, NOW));
        alert = chat.stores.alerts().get(mina.id(), id).orElseThrow();
        push = new PushMessages().fired(alert, "en");
    }

    private CallbackOutcome press(String label) {
        String data = push.buttons().stream().flatMap(List::stream).filter(b -> b.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + label + " in " + push.buttons()))
                .callbackData();
        assertThat(data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        return chat.bot.handle(new IncomingCallback("cb", CHAT, data, "Mina", "en", 77, push.text()));
    }

    private Alert stored() {
        return chat.stores.alerts().get(mina.id(), alert.id()).orElseThrow();
    }

    @Test
    void thePushOffersSnoozeMoveTargetPauseAndDelete() {
        assertThat(push.buttons()).extracting(row -> row.stream().map(OutgoingMessage.Button::label).toList())
                .containsExactly(List.of("Snooze 1h", "Snooze 1d"), List.of("−1%", "−0.5%", "+0.5%", "+1%"),
                        List.of("Pause", "Delete"), List.of("📈 Chart", "Share"));
    }

    @Test
    void snoozeIsAnsweredAndEditsThePushKeepingItsButtons() {
        CallbackOutcome outcome = press("Snooze 1d");

        assertThat(outcome.answer()).isEqualTo("Snoozed " + alert.id() + " until 2026-11-26 09:00 UTC: no push for "
                + "it before then.");
        OutgoingMessage edited = outcome.edit().orElseThrow();
        assertThat(edited.text()).isEqualTo(push.text() + "\n\n" + "Snoozed " + alert.id() + " until 2026-11-26 09:00 "
                + "UTC: no push for it before then. If it fires meanwhile, you'll hear once when the snooze ends.");
        assertThat(edited.buttons()).isEqualTo(push.buttons());
        assertThat(outcome.messages()).as("the push is edited, no new message").isEmpty();
        assertThat(stored().snoozedUntil()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void movingTheTargetReArmsItRoundedToThePairsQuotedPrecision() {
        CallbackOutcome outcome = press("+0.5%");

        assertThat(outcome.edit().orElseThrow().text()).endsWith("\n\nMoved the target of " + alert.id()
                + ": USD/KRW above 1,407, armed again.");
        assertThat(stored().state()).isEqualTo(AlertState.ARMED);
        assertThat(stored().threshold()).isEqualByComparingTo("1407");
        assertThat(press("−1%").edit().orElseThrow().text()).as("a second press replaces the line")
                .isEqualTo(push.text() + "\n\nMoved the target of " + alert.id() + ": USD/KRW above 1,392.93, armed again.");
    }

    @Test
    void pauseEditsThePushAndDeleteRemovesItsButtons() {
        assertThat(press("Pause").edit().orElseThrow().text()).endsWith("\n\nPaused " + alert.id()
                + " (USD/KRW above 1,400). /resume " + alert.id() + " arms it again.");
        assertThat(stored().state()).isEqualTo(AlertState.PAUSED);
        assertThat(press("Snooze 1h").answer()).isEqualTo("Alert " + alert.id() + " is paused, so there is nothing "
                + "to snooze.");

        CallbackOutcome deleted = press("Delete");

        assertThat(deleted.edit().orElseThrow().text()).endsWith("\n\nDeleted alert " + alert.id() + ".");
        assertThat(deleted.edit().orElseThrow().buttons()).isEmpty();
        assertThat(chat.stores.alerts().listByOwner(mina.id())).isEmpty();
    }

    @Test
    void aPressReadsTheAlertOnceAndRedrawsTheKeyboardFromWhatTheActionHandedBack() {
        int before = chat.alertReads.get();

        CallbackOutcome paused = press("Pause");

        assertThat(chat.alertReads.get() - before).as("the action's own read, none for the keyboard").isEqualTo(1);
        assertThat(paused.edit().orElseThrow().buttons()).isEqualTo(PushMessages.keyboard(stored(), Messages.forCode("en")));
    }

    @Test
    void theTypedTwinsDoTheSameAndRefuseBadInput() {
        assertThat(chat.reply("/snooze " + alert.id() + " 2h")).startsWith("Snoozed " + alert.id()
                + " until 2026-11-25 11:00 UTC");
        assertThat(chat.reply("/move " + alert.id() + " -0.5%")).isEqualTo("Moved the target of " + alert.id()
                + ": USD/KRW above 1,393, armed again.");
        assertThat(chat.reply("/snooze " + alert.id() + " 9d")).startsWith("Say how long: 1h to 48h, or 1d to 7d.")
                .contains("/snooze k3m9x2qa 1h");
        assertThat(chat.reply("/move " + alert.id() + " sideways")).startsWith("Say the move in percent");
    }

    @Test
    void theConsoleShowsThePushButtonsAsTheCommandsTheyStandFor() {
        assertThat(push.buttons().stream().flatMap(List::stream)
                .map(b -> ButtonCommands.commandFor(b.callbackData()).orElseThrow()).toList())
                .containsExactly("/snooze " + alert.id() + " 1h", "/snooze " + alert.id() + " 1d",
                        "/move " + alert.id() + " -1%", "/move " + alert.id() + " -0.5%",
                        "/move " + alert.id() + " +0.5%", "/move " + alert.id() + " +1%",
                        "/pause " + alert.id(), "/delete " + alert.id(),
                        "/chart USD KRW 30d", "/share " + alert.id());
    }
}
