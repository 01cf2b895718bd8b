package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static dev.fxalert.bot.command.ChatBotFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 at the command level: percent-move alerts and expiry through /alert, /alerts, /pause and /help. */
class ChatBotMoveAndExpiryTest {

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000);

    @BeforeEach
    void open() {
        chat.reply("/start");
    }

    @Test
    void aMoveAlertIsSetAndTheReplySaysHowFarTheRateMovedOverItsWindow() {
        chat.storedRate("USD/KRW", "1383.1", "frankfurter", Duration.ofHours(25));
        chat.storedRate("USD/KRW", "1400", "frankfurter", Duration.ofMinutes(5));

        String reply = chat.reply("/alert USD KRW move 1% 24h");

        Alert alert = chat.alerts().get(0);
        assertThat(alert.move().way()).isEqualTo(MoveWay.EITHER);
        assertThat(alert.move().window()).isEqualTo(Duration.ofHours(24));
        assertThat(alert.threshold()).isEqualByComparingTo("1");
        assertThat(reply).startsWith("Alert " + alert.id() + " set: USD/KRW moves either way 1% within 24h "
                        + "(re-arms once the move is back under 0.5%).")
                .contains("Over the last 24h: +1.22% (1,383.1 → 1,400); it would fire right now.");
    }

    @Test
    void upAndDownTakeTheirWayAndSayWhenTheHistoryDoesNotReachBackYet() {
        chat.storedRate("USD/KRW", "1400", "frankfurter", Duration.ofMinutes(5));

        String up = chat.reply("/alert USD KRW up 2% 7d");
        String down = chat.reply("/alert USD/KRW down 0.5 % 1d once");

        assertThat(up).contains("USD/KRW moves up 2% within 7d")
                .contains("My rate history for USD/KRW does not reach back 7d yet");
        assertThat(down).contains("USD/KRW moves down 0.5% within 24h (fires once)");
        assertThat(chat.alerts()).extracting(a -> a.move().way()).containsExactlyInAnyOrder(MoveWay.UP, MoveWay.DOWN);
    }

    @Test
    void windowsAndPercentsOutsideTheCatalogueAreRefusedWithWhatIsAllowed() {
        assertThat(chat.reply("/alert USD KRW up 2% 45d")).contains("'45d' is not a window I can watch")
                .contains("from 1h to 30d");
        assertThat(chat.reply("/alert USD KRW up 2% 90m")).contains("'90m' is not a window I can watch");
        assertThat(chat.reply("/alert USD KRW move 0% 24h")).contains("'0' is not a move I can watch");
        assertThat(chat.reply("/alert USD KRW move 1%")).contains("Say within how long the move counts");
        assertThat(chat.reply("/alert USD KRW sideways 1400")).contains("move, up or down");
        assertThat(chat.alerts()).isEmpty();
    }

    @Test
    void anAlertForSevenDaysOrUntilADayExpiresThenInTheOwnersZone() {
        String week = chat.reply("/alert USD KRW above 1400 for 7d rent");
        chat.reply("/timezone Asia/Seoul");
        String day = chat.reply("/alert USD KRW below 1300 once until 2026-12-31");

        assertThat(week).contains("Expires 2026-12-02 09:00 UTC.").contains("Note: rent");
        assertThat(day).contains("Expires 2026-12-31 23:59 KST.");
        assertThat(chat.alerts()).extracting(Alert::expiresAt).containsExactlyInAnyOrder(NOW.plus(Duration.ofDays(7)),
                Instant.parse("2026-12-31T14:59:59Z"));
        assertThat(chat.reply("/alerts")).contains("expires 2026-12-02 18:00 KST").contains("expires 2026-12-31 23:59 KST");
    }

    @Test
    void alertsSayUntilWhenAnAlertIsSnoozedInTheOwnersZoneAndNotOnceTheSnoozeIsOver() { // polish14
        dev.fxalert.core.testing.MutableClock clock = new dev.fxalert.core.testing.MutableClock(NOW);
        try (ChatBotFixture later = new ChatBotFixture(1000, clock)) {
            later.reply("/start");
            later.reply("/timezone Asia/Seoul");
            later.reply("/alert USD KRW above 1400 for 7d");
            later.reply("/alert USD KRW below 1300");
            Alert snoozed = later.alerts().stream()
                    .filter(a -> a.expiresAt() != null).findFirst().orElseThrow();
            later.reply("/snooze " + snoozed.id() + " 2h");

            String list = later.reply("/alerts");

            assertThat(list.lines().filter(line -> line.contains(snoozed.id())).findFirst().orElseThrow())
                    .contains("snoozed until 2026-11-25 20:00 KST").contains("expires 2026-12-02 18:00 KST");
            assertThat(list.lines().filter(line -> line.contains("below 1,300")).findFirst().orElseThrow())
                    .doesNotContain("snoozed").doesNotContain("expires");
            clock.advance(Duration.ofHours(2));
            assertThat(later.reply("/alerts")).doesNotContain("snoozed").contains("expires 2026-12-02 18:00 KST");
        }
    }

    @Test
    void anExpiryInThePastOrUnreadableIsRefused() {
        assertThat(chat.reply("/alert USD KRW above 1400 until 2026-11-01")).contains("2026-11-01 is already past");
        assertThat(chat.reply("/alert USD KRW above 1400 until someday")).contains("'someday' is not an expiry");
        assertThat(chat.alerts()).isEmpty();
    }

    @Test
    void anExpiredAlertIsListedAsExpiredWithOnlyADeleteButtonAndCannotBePausedOrResumed() {
        chat.reply("/alert USD KRW above 1400 for 1h");
        Alert alert = chat.alerts().get(0);
        chat.stores.alerts().markExpired(alert.id(), Firing.expiryNotice(alert, alert.expiresAt()));

        OutgoingMessage list = chat.send("/alerts");

        assertThat(list.text()).contains(alert.id() + "  USD/KRW above 1,400 – expired");
        assertThat(list.buttons().get(0)).as("the alert's row: Delete only").hasSize(1);
        assertThat(chat.reply("/pause " + alert.id())).startsWith("Alert " + alert.id() + " has expired");
        assertThat(chat.reply("/resume " + alert.id())).startsWith("Alert " + alert.id() + " has expired");
        assertThat(chat.alerts().get(0).state()).isEqualTo(AlertState.EXPIRED);
        assertThat(chat.reply("/alert USD KRW above 1400")).as("asked again: a new alert, not the expired twin")
                .startsWith("Alert ").doesNotContain("You already have");
        assertThat(chat.alerts()).hasSize(2);
    }

    @Test
    void helpExplainsPercentMovesAndExpiry() {
        assertThat(chat.reply("/help")).contains("/alert USD KRW move 1% 24h").contains("'for 7d'");
    }
}
