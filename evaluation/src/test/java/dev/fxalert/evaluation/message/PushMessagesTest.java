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
import java.util.List;

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
                .contains("출처: ECB 기준환율, 2026-11-25 05:40 CET").contains("메모: 월세").contains("1,393 미만으로")
;
        // Codes, the ECB, the alert id and the zone are names; no other Latin word is left.
        assertThat(message.text().replaceAll("USD|KRW|ECB|k3m9x2qa|CET", "")).doesNotContainPattern("[A-Za-z]");
        assertThat(message.buttons().stream().flatMap(java.util.List::stream).map(OutgoingMessage.Button::label))
                .containsExactly("1시간 미루기", "하루 미루기", "−1%", "−0.5%", "+0.5%", "+1%", "일시정지", "삭제",
                        "📈 차트", "공유");
    }

    // Quiet hours (issue 15)
    @Test
    void aQuietHoursSummaryListsEachAlertAndTheLatestRateInTheOwnersLanguageAndZone() {
        Alert first = fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null);
        Alert later = Alert.create("z9y8x7w6", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"), Direction.BELOW,
                new BigDecimal("1450"), AlertMode.ONCE, null, OBSERVED).fire(new Firing("e2", new BigDecimal("1420.5"),
                "frankfurter", OBSERVED.plusSeconds(3600), OBSERVED.plusSeconds(3605)));
        java.time.ZoneId seoul = java.time.ZoneId.of("Asia/Seoul");

        OutgoingMessage english = messages.quietSummary(List.of(later, first), 4242L, "en", seoul);
        OutgoingMessage korean = messages.quietSummary(List.of(later, first), 4242L, "ko", seoul);

        assertThat(english.chatId()).isEqualTo(4242L);
        assertThat(english.buttons()).isEmpty();
        assertThat(english.text()).isEqualTo("""
                🌙 Your quiet hours are over. 2 alerts fired meanwhile:
                Latest USD/KRW: 1,420.5 (frankfurter, 2026-11-25 14:40 KST)
                • USD/KRW at or above 1,400: 1,401 at 2026-11-25 13:40 KST (alert k3m9x2qa)
                • USD/KRW at or below 1,450: 1,420.5 at 2026-11-25 14:40 KST (alert z9y8x7w6)""");
        assertThat(korean.text()).startsWith("🌙 방해 금지 시간이 끝났습니다. 그동안 알림 2개가 울렸습니다:")
                .contains("USD/KRW 최신 환율: 1,420.5");
        assertThat(korean.text().replaceAll("USD|KRW|frankfurter|k3m9x2qa|z9y8x7w6|KST", ""))
                .doesNotContainPattern("[A-Za-z]");
    }

    // Quiet hours summary (issue 15, branch quiet15b): a held percent move and a held expiry notice keep their wording.
    @Test
    void aSummaryShowsAHeldPercentMoveAsAMoveAndAHeldExpiryAsAnExpiryInBothLanguages() {
        Alert threshold = fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null);
        Alert move = Alert.createMove("m0v3m0v3", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"),
                new dev.fxalert.core.domain.Move(dev.fxalert.core.domain.MoveWay.UP, java.time.Duration.ofHours(24)),
                new BigDecimal("1"), AlertMode.ONCE, null, OBSERVED).fire(Firing.ofMove("e3",
                new dev.fxalert.core.domain.Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1396.56"), "frankfurter",
                        OBSERVED.plusSeconds(60)), new BigDecimal("1380"), OBSERVED.plusSeconds(65)));
        Alert expired = Alert.create("exp1exp1", new Owner("u1", 4242L), CurrencyPair.of("EUR", "USD"), Direction.BELOW,
                new BigDecimal("1.05"), AlertMode.ONCE, null, OBSERVED.minusSeconds(7200))
                .expiringAt(OBSERVED.plusSeconds(120)).expire(OBSERVED.plusSeconds(120));
        java.time.ZoneId seoul = java.time.ZoneId.of("Asia/Seoul");

        String english = messages.quietSummary(List.of(threshold, move, expired), 4242L, "en", seoul).text();
        String korean = messages.quietSummary(List.of(threshold, move, expired), 4242L, "ko", seoul).text();

        assertThat(english).isEqualTo("""
                🌙 Your quiet hours are over. Meanwhile 2 alerts fired and 1 alert expired:
                Latest USD/KRW: 1,396.56 (frankfurter, 2026-11-25 13:41 KST)
                • USD/KRW at or above 1,400: 1,401 at 2026-11-25 13:40 KST (alert k3m9x2qa)
                • USD/KRW moved +1.2% in 24h (1,380 → 1,396.56) at 2026-11-25 13:41 KST (alert m0v3m0v3)
                • ⌛ Alert exp1exp1 (EUR/USD below 1.05) expired 2026-11-25 13:42 KST""");
        assertThat(korean).startsWith("🌙 방해 금지 시간이 끝났습니다. 그동안 알림 2개가 울렸고 알림 1개가 만료되었습니다:")
                .contains("• USD/KRW 24시간 동안 +1.2% 움직임 (1,380 → 1,396.56): 2026-11-25 13:41 KST (알림 m0v3m0v3)")
                .contains("• ⌛ 알림 exp1exp1 (EUR/USD 1.05 이하) 2026-11-25 13:42 KST에 만료됨")
                .doesNotContain("expiry");
        assertThat(korean.replaceAll("USD|KRW|EUR|frankfurter|k3m9x2qa|m0v3m0v3|exp1exp1|KST", ""))
                .doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void aSummaryOfExpiriesOnlySaysNothingFired() {
        Alert expired = Alert.create("exp1exp1", new Owner("u1", 4242L), CurrencyPair.of("EUR", "USD"), Direction.BELOW,
                new BigDecimal("1.05"), AlertMode.ONCE, null, OBSERVED.minusSeconds(7200))
                .expiringAt(OBSERVED.plusSeconds(120)).expire(OBSERVED.plusSeconds(120));

        assertThat(messages.quietSummary(List.of(expired), 4242L, "en", java.time.ZoneId.of("UTC")).text().lines())
                .containsExactly("🌙 Your quiet hours are over. Meanwhile 1 alert expired:",
                        "• ⌛ Alert exp1exp1 (EUR/USD below 1.05) expired 2026-11-25 04:42 UTC");
        assertThat(messages.quietSummary(List.of(expired), 4242L, "ko", java.time.ZoneId.of("UTC")).text())
                .startsWith("🌙 방해 금지 시간이 끝났습니다. 그동안 알림 1개가 만료되었습니다:");
    }

    @Test
    void aSummaryTooLongForTelegramCountsTheAlertsItLeavesOut() {
        List<Alert> many = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(Alert.create(String.format("a%07d", i), new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"),
                    Direction.ABOVE, new BigDecimal(1000 + i), AlertMode.ONCE, null, OBSERVED)
                    .fire(new Firing("e" + i, new BigDecimal("1401"), "frankfurter", OBSERVED, OBSERVED)));
        }

        String text = messages.quietSummary(many, 4242L, "en", java.time.ZoneOffset.UTC).text();

        assertThat(text.length()).isLessThanOrEqualTo(4096);
        assertThat(text).containsPattern("…and \\d+ more alerts: /alerts lists them all.");
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

        // Issue 14: snooze, move the target, pause, delete; all on the push (a press edits it)
        assertThat(message.buttons()).hasSize(4);
        assertThat(message.buttons().subList(0, 3).stream().flatMap(java.util.List::stream)
                .map(b -> AlertCallback.decode(b.callbackData()))).containsExactly(
                new AlertCallback(AlertCallback.Action.SNOOZE_1H, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.SNOOZE_1D, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.DOWN_1, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.DOWN_05, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.UP_05, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.UP_1, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.PAUSE, "k3m9x2qa", true),
                new AlertCallback(AlertCallback.Action.DELETE, "k3m9x2qa", true));
        assertThat(message.buttons().subList(0, 3)).isEqualTo(PushMessages.actionButtons("k3m9x2qa",
                dev.fxalert.core.i18n.Messages.forCode("en")));
        // charts and copy-an-alert links (issue 16): the pair's 30-day chart, then Share, in the last row; Share is
        // a list's button (a:share:<id>, answered by a new message), not a push action that edits the push
        assertThat(message.buttons().get(3)).hasSize(2);
        assertThat(dev.fxalert.core.domain.ChartCallback.decode(message.buttons().get(3).get(0).callbackData()))
                .isEqualTo(new dev.fxalert.core.domain.ChartCallback(
                        dev.fxalert.core.domain.CurrencyPair.of("USD", "KRW"), dev.fxalert.core.domain.ChartPeriod.MONTH));
        assertThat(AlertCallback.decode(message.buttons().get(3).get(1).callbackData()))
                .isEqualTo(new AlertCallback(AlertCallback.Action.SHARE, "k3m9x2qa"));
        assertThat(message.buttons()).isEqualTo(PushMessages.keyboard(
                fired(Direction.ABOVE, "1400", "1401", AlertMode.ONCE, null), dev.fxalert.core.i18n.Messages.forCode("en")));
    }

    // Issue 14: a percent move has no target rate, so its push offers no move-target row (the rest stays).
    @Test
    void aPercentMovePushHasNoMoveTargetRow() {
        Alert move = Alert.createMove("k3m9x2qa", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"),
                new dev.fxalert.core.domain.Move(dev.fxalert.core.domain.MoveWay.UP, java.time.Duration.ofHours(24)),
                new BigDecimal("1"), AlertMode.REARM, null, OBSERVED);
        List<List<OutgoingMessage.Button>> rows = PushMessages.keyboard(move, dev.fxalert.core.i18n.Messages.forCode("en"));

        assertThat(rows).hasSize(3);
        assertThat(rows.stream().flatMap(List::stream).map(b -> AlertCallback.decode(b.callbackData()))
                .map(callback -> callback == null ? null : callback.action()))
                .doesNotContain(AlertCallback.Action.DOWN_1, AlertCallback.Action.DOWN_05,
                        AlertCallback.Action.UP_05, AlertCallback.Action.UP_1)
                .contains(AlertCallback.Action.SNOOZE_1H, AlertCallback.Action.PAUSE, AlertCallback.Action.SHARE);
    }

    // A one-time percent move has no target to move (no such buttons either): its push says how to watch it again.
    @Test
    void aOneTimePercentMovePushDoesNotTellTheReaderToMoveATargetItHasNot() {
        Alert once = Alert.createMove("k3m9x2qa", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"),
                new dev.fxalert.core.domain.Move(dev.fxalert.core.domain.MoveWay.UP, java.time.Duration.ofHours(24)),
                new BigDecimal("1"), AlertMode.ONCE, null, OBSERVED).fire(Firing.ofMove("e3",
                new dev.fxalert.core.domain.Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1394"), "frankfurter",
                        OBSERVED), new BigDecimal("1380"), OBSERVED));

        assertThat(messages.fired(once, "en").text()).contains("Alert k3m9x2qa: fired once; /resume k3m9x2qa")
                .doesNotContain("target");
        assertThat(messages.fired(once, "ko").text()).contains("/resume k3m9x2qa").doesNotContain("목표");
    }

    // Issue 15 audit (branch quiet15b): a move's window reads 24시간 / 7일 to a Korean reader, 24h / 7d in English.
    @Test
    void aPercentMovesWindowIsWrittenInTheReadersLanguage() {
        Alert week = Alert.createMove("k3m9x2qa", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"),
                new dev.fxalert.core.domain.Move(dev.fxalert.core.domain.MoveWay.DOWN, java.time.Duration.ofDays(7)),
                new BigDecimal("1"), AlertMode.ONCE, null, OBSERVED).fire(Firing.ofMove("e3",
                new dev.fxalert.core.domain.Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1366.2"), "frankfurter",
                        OBSERVED), new BigDecimal("1380"), OBSERVED));

        assertThat(messages.fired(week, "ko").text()).contains("7일 동안 -1%")
                .doesNotContainPattern("\\d[dh]\\b");
        assertThat(messages.fired(week, "en").text()).contains("moved -1% in 7d");
    }

    // Issue 14: the expiry notice has only Delete (no push actions, chart or share); issue 17: it names a bank's rate.
    @Test
    void anExpiryNoticeCarriesOnlyDeleteAndNamesTheKindOfRate() {
        Alert sell = Alert.create("k3m9x2qa", new Owner("u1", 4242L), CurrencyPair.of("USD", "KRW"), Direction.ABOVE,
                new BigDecimal("1480"), AlertMode.ONCE, null, OBSERVED, dev.fxalert.core.domain.RateKind.BANK_SELL)
                .expiringAt(OBSERVED.plusSeconds(60));

        OutgoingMessage message = messages.fired(sell.expire(OBSERVED.plusSeconds(60)), "en");

        assertThat(message.text()).contains("Alert k3m9x2qa (USD/KRW above 1,480 (bank selling rate)) expired");
        assertThat(message.buttons()).hasSize(1);
        assertThat(message.buttons().get(0)).extracting(b -> AlertCallback.decode(b.callbackData()))
                .containsExactly(new AlertCallback(AlertCallback.Action.DELETE, "k3m9x2qa", true));
    }
}
