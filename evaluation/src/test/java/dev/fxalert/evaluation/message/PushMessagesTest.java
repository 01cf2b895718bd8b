package dev.fxalert.evaluation.message;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PushMessagesTest {

    private static final Instant OBSERVED = Instant.parse("2026-11-25T04:40:00Z");
    private final PushMessages messages = new PushMessages();

    private static Alert fired(Direction direction, String threshold, String rate, AlertMode mode, String note) {
        Alert alert = Alert.create("k3m9x2qa", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"), direction,
                new BigDecimal(threshold), mode, note, OBSERVED.minusSeconds(3600));
        return alert.fire(new Firing("e1", new BigDecimal(rate), "frankfurter", OBSERVED, OBSERVED.plusSeconds(5)));
    }

    @Test
    void tellsThePairNewRateThresholdDirectionSourceTimeAndNoteInEnglishByDefault() {
        OutgoingMessage message = messages.fired(fired(Direction.ABOVE, "1400", "1401.50", AlertMode.ONCE, "pay rent"), null);

        assertThat(message.chatId()).isEqualTo(4242L);
        assertThat(message.text())
                .contains("USD/KRW is 1,401.5")
                .contains("at or above your threshold 1,400")
                .contains("frankfurter, 2026-11-25 04:40 UTC")
                .contains("Note: pay rent")
                .contains("move its target below (or /resume k3m9x2qa)");
    }

    @Test
    void explainsWhenAReArmAlertArmsAgain() {
        OutgoingMessage message = messages.fired(fired(Direction.BELOW, "1300", "1299", AlertMode.REARM, null), "en-US");

        assertThat(message.text()).contains("at or below your threshold 1,300")
                .contains("goes back above 1,306.5").doesNotContain("Note:");
    }

    @Test
    void writesKoreanForKoreanSpeakers() {
        OutgoingMessage message = messages.fired(fired(Direction.ABOVE, "1400", "1401", AlertMode.REARM, "월세"), "ko-KR");

        assertThat(message.text()).contains("USD/KRW 환율이 1,401입니다").contains("기준 1,400 이상")
                .contains("출처: frankfurter").contains("메모: 월세").contains("1,393 미만으로")
;
        // Codes, the provider, the alert id and the zone are names; no other Latin word is left.
        assertThat(message.text().replaceAll("USD|KRW|frankfurter|k3m9x2qa|UTC", "")).doesNotContainPattern("[A-Za-z]");
        assertThat(message.buttons().stream().flatMap(java.util.List::stream).map(OutgoingMessage.Button::label))
                .containsExactly("1시간 미루기", "하루 미루기", "−1%", "−0.5%", "+0.5%", "+1%", "일시정지", "삭제");
    }

    @Test
    void showsTheObservationTimeInTheOwnersZoneWithItsAbbreviation() {
        Alert alert = fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null);

        assertThat(messages.fired(alert, "ko", java.time.ZoneId.of("Asia/Seoul")).text())
                .contains("출처: frankfurter, 2026-11-25 13:40 KST");
        assertThat(messages.fired(alert, "en", java.time.ZoneId.of("America/New_York")).text())
                .contains("Source: frankfurter, 2026-11-24 23:40 EST");
    }

    @Test
    void unknownLanguagesFallBackToEnglish() {
        OutgoingMessage message = messages.fired(fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null), "de");

        assertThat(message.text()).startsWith("🔔 USD/KRW is 1,401");
    }

    @Test
    void numbersReadAsInTheBotsReplies() {
        OutgoingMessage message = messages.fired(fired(Direction.ABOVE, "0.00071", "0.00071234", AlertMode.ONCE, null), "en");

        assertThat(message.text()).contains("is 0.00071234").contains("threshold 0.00071");
        assertThat(message.text()).contains(dev.fxalert.core.i18n.Messages.number(new BigDecimal("0.00071234")));
    }

    @Test
    void buttonsCarryAlertCallbacksTheBotDecodes() {
        OutgoingMessage message = messages.fired(fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null), "en");

        // Issue 14: snooze, move the target, pause, delete; all on the push (a press edits it)
        assertThat(message.buttons()).hasSize(3);
        assertThat(message.buttons().stream().flatMap(java.util.List::stream)
                .map(b -> AlertCallback.decode(b.callbackData()))).containsExactly(
                new AlertCallback(AlertCallback.Action.SNOOZE_1H, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.SNOOZE_1D, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.DOWN_1, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.DOWN_05, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.UP_05, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.UP_1, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.PAUSE, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.DELETE, "k3m9x2qa", true));
    }
}
