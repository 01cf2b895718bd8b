package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.Firing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the language walk over every command (issue 15 audit, branch quiet15b): moving the target of an alert
 * that has none (a percent move) or that expired answered "something went wrong" (an internal error, counted as a
 * webhook failure); each now gets its own answer in the reader's language, and the alert is left as it was.
 */
class MoveTargetRefusalTest {

    private ChatBotFixture chat;

    @BeforeEach
    void setUp() {
        chat = new ChatBotFixture(1000);
        chat.storedRate("USD/KRW", "1385.2", "frankfurter", Duration.ofMinutes(4));
    }

    @AfterEach
    void tearDown() {
        chat.close();
    }

    private Alert only() {
        String user = chat.stores.users().findByChatId(ChatBotFixture.CHAT).orElseThrow().id();
        return chat.stores.alerts().listByOwner(user).get(0);
    }

    @Test
    void aPercentMoveHasNoTargetToMove() {
        chat.reply("/alert USD KRW move 1% 24h");
        Alert move = only();

        assertThat(chat.reply("/move " + move.id() + " +0.5%")).isEqualTo("Alert " + move.id()
                + " watches a percent move: it has no target rate to move. Delete it and set a new one, "
                + "like /alert USD KRW move 2% 24h.");
        CallbackOutcome pressed = chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT,
                new AlertCallback(AlertCallback.Action.UP_05, move.id()).encode(), "Mina", "en"));
        assertThat(pressed.answer() + pressed.messages()).contains("watches a percent move").doesNotContain("Sorry");
        assertThat(only()).isEqualTo(move);
    }

    @Test
    void anExpiredAlertIsNotArmedAgainByMovingItsTarget() {
        chat.reply("/alert USD KRW above 1400 for 7d");
        Alert alert = only();
        chat.stores.alerts().markExpired(alert.id(), Firing.expiryNotice(alert, alert.expiresAt()));

        assertThat(chat.reply("/move " + alert.id() + " +1%")).isEqualTo("Alert " + alert.id()
                + " has expired, so its target cannot move. Delete it with /delete " + alert.id()
                + " and create a new one.");
        assertThat(only().state()).isEqualTo(AlertState.EXPIRED);
    }
}
