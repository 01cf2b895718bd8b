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
        return fired(direction, threshold, rate, mode, note, "frankfurter");
    }

    private static Alert fired(Direction direction, String threshold, String rate, AlertMode mode, String note,
                               String provider) {
        Alert alert = Alert.create("k3m9x2qa", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"), direction,
                new BigDecimal(threshold), mode, note, OBSERVED.minusSeconds(3600));
        return alert.fire(new Firing("e1", new BigDecimal(rate), provider, OBSERVED, OBSERVED.plusSeconds(5)));
    }

    @Test
    void tellsThePairNewRateThresholdDirectionSourceTimeAndNoteInEnglishByDefault() {
        OutgoingMessage message = messages.fired(fired(Direction.ABOVE, "1400", "1401.50", AlertMode.ONCE, "pay rent"), null);

        assertThat(message.chatId()).isEqualTo(4242L);
        assertThat(message.text())
                .contains("USD/KRW is 1,401.5")
                .contains("at or above your threshold 1,400")
                .contains("Source: ECB reference rate, 2026-11-25 05:40 CET")
                .contains("Note: pay rent")
                .contains("tap Re-arm");
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
                .contains("출처: ECB 기준환율, 2026-11-25 05:40 CET").contains("메모: 월세").contains("1,393 미만으로")
;
        // Codes, the ECB, the alert id and the zone are names; no other Latin word is left.
        assertThat(message.text().replaceAll("USD|KRW|ECB|k3m9x2qa|CET", "")).doesNotContainPattern("[A-Za-z]");
        assertThat(message.buttons().get(0)).extracting(OutgoingMessage.Button::label)
                .containsExactly("다시 켜기", "일시정지", "삭제");
    }

    @Test
    void namesTheKindOfRateWithTheSameWordsAsRate() {
        Alert ecb = fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null, "frankfurter");
        Alert exim = fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null, "koreaexim");

        // A publication's time names its table, so it is shown in the publisher's zone whatever the owner's.
        assertThat(messages.fired(ecb, "en", java.time.ZoneId.of("Asia/Seoul")).text())
                .contains("Source: ECB reference rate, 2026-11-25 05:40 CET");
        assertThat(messages.fired(exim, "ko", java.time.ZoneId.of("America/New_York")).text())
                .contains("출처: 한국수출입은행 매매기준율, 2026-11-25 13:40 KST");
    }

    @Test
    void showsTheObservationTimeOfAnUnscheduledSourceInTheOwnersZoneWithItsAbbreviation() {
        Alert hourly = fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null, "openexchangerates");
        Alert other = fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null, "demo");

        assertThat(messages.fired(hourly, "ko", java.time.ZoneId.of("Asia/Seoul")).text())
                .contains("출처: openexchangerates, 매시간 갱신, 2026-11-25 13:40 KST");
        assertThat(messages.fired(hourly, "en", java.time.ZoneId.of("America/New_York")).text())
                .contains("Source: openexchangerates, hourly, 2026-11-24 23:40 EST");
        assertThat(messages.fired(other, "en").text()).contains("Source: demo, 2026-11-25 04:40 UTC");
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

        assertThat(message.buttons()).hasSize(2);
        assertThat(message.buttons().get(0)).extracting(b -> AlertCallback.decode(b.callbackData())).containsExactly(
                new AlertCallback(AlertCallback.Action.REARM, "k3m9x2qa"),
                new AlertCallback(AlertCallback.Action.PAUSE, "k3m9x2qa"),
                new AlertCallback(AlertCallback.Action.DELETE, "k3m9x2qa"));
        // charts and copy-an-alert links (issue 16): the pair's 30-day chart, then Share
        assertThat(message.buttons().get(1)).hasSize(2);
        assertThat(dev.fxalert.core.domain.ChartCallback.decode(message.buttons().get(1).get(0).callbackData()))
                .isEqualTo(new dev.fxalert.core.domain.ChartCallback(
                        dev.fxalert.core.domain.CurrencyPair.of("USD", "KRW"), dev.fxalert.core.domain.ChartPeriod.MONTH));
        assertThat(AlertCallback.decode(message.buttons().get(1).get(1).callbackData()))
                .isEqualTo(new AlertCallback(AlertCallback.Action.SHARE, "k3m9x2qa"));
    }
}
