package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours (issue 15): turning them off, or changing them (or the zone they are read in) so that now is no longer
 * quiet, releases the pushes already held until the old quiet end: they become due now and the delivery path is
 * woken; changed hours that are still quiet now hold them until the new end. Real embedded store, fixed clock
 * ({@link ChatBotFixture#NOW} = 09:00 UTC).
 */
class QuietReleaseTest {

    private static final Instant OLD_END = Instant.parse("2026-11-25T10:00:00Z");

    private ChatBotFixture chat;
    private final List<String> wakeups = new ArrayList<>();
    private Alert held;
    private Alert heldToo;

    @BeforeEach
    void setUp() {
        chat = new ChatBotFixture(1000);
        chat.storedRate("USD/KRW", "1385.2", "frankfurter", java.time.Duration.ofMinutes(4));
        chat.bot.wakeDeliveryWith((eventId, count) -> wakeups.add(eventId + ":" + count));
        chat.reply("/quiet 08:00-10:00"); // UTC: quiet now, until 10:00Z
        chat.reply("/alert USD KRW above 1300");
        chat.reply("/alert USD KRW above 1301");
        User user = chat.stores.users().findByChatId(ChatBotFixture.CHAT).orElseThrow();
        List<Alert> alerts = chat.stores.alerts().listByOwner(user.id());
        held = alerts.get(0);
        heldToo = alerts.get(1);
        for (Alert alert : alerts) {
            // as delivery does for an owner in quiet hours (PushBatch): fired, then held until the quiet end
            chat.stores.alerts().markFired(alert.id(), new Firing("e1", new BigDecimal("1385.2"), "frankfurter",
                    ChatBotFixture.NOW, ChatBotFixture.NOW));
            chat.stores.alerts().holdPush(alert.id(), "e1", OLD_END);
        }
    }

    @AfterEach
    void tearDown() {
        chat.close();
    }

    private Instant dueAt(Alert alert) {
        Alert now = chat.stores.alerts().get(alert.owner().userId(), alert.id()).orElseThrow();
        assertThat(now.pushPending()).isTrue();
        assertThat(now.push().attempts()).isZero();
        return now.push().nextAttemptAt();
    }

    @Test
    void quietOffMakesTheHeldPushesDueNowAndWakesDelivery() {
        assertThat(chat.reply("/quiet off")).isEqualTo("Quiet hours are off: pushes come as soon as an alert fires, "
                + "and those held until now come right away.");

        assertThat(dueAt(held)).isEqualTo(ChatBotFixture.NOW);
        assertThat(dueAt(heldToo)).isEqualTo(ChatBotFixture.NOW);
        assertThat(wakeups).hasSize(1).first().asString().endsWith(":2");
    }

    @Test
    void hoursNoLongerQuietNowReleaseThemHoursStillQuietHoldThemUntilTheirNewEnd() {
        chat.reply("/quiet 08:00-09:30");

        assertThat(dueAt(held)).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(wakeups).as("nothing is due before the new end").isEmpty();

        chat.reply("/quiet 22:00-07:00");

        assertThat(dueAt(held)).isEqualTo(ChatBotFixture.NOW);
        assertThat(dueAt(heldToo)).isEqualTo(ChatBotFixture.NOW);
        assertThat(wakeups).hasSize(1);
    }

    @Test
    void aNewZoneWhereItIsNotQuietNowReleasesThem() {
        chat.reply("/timezone Asia/Seoul"); // 18:00 KST: outside 08:00-10:00

        assertThat(dueAt(held)).isEqualTo(ChatBotFixture.NOW);
        assertThat(wakeups).hasSize(1);
    }

    @Test
    void theSettingsButtonsReleaseThemToo() {
        chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:quiet:off", "Mina", "en"));

        assertThat(dueAt(held)).isEqualTo(ChatBotFixture.NOW);
        assertThat(wakeups).hasSize(1);

        chat.reply("/quiet 08:00-10:00");
        for (Alert alert : List.of(held, heldToo)) {
            chat.stores.alerts().holdPush(alert.id(), "e1", OLD_END);
        }
        chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:tz:Asia/Seoul", "Mina", "en"));

        assertThat(dueAt(heldToo)).isEqualTo(ChatBotFixture.NOW);
        assertThat(wakeups).hasSize(2);
    }

    @Test
    void settingTheSameHoursAgainOrAnotherZoneWithTheSameTimeMovesNothing() {
        chat.reply("/quiet 8:00-10:00");
        chat.reply("/timezone Europe/London"); // UTC+0 in November: the same quiet end

        assertThat(dueAt(held)).isEqualTo(OLD_END);
        assertThat(wakeups).isEmpty();
    }
}
