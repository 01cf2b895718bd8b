package dev.fxalert.evaluation.digest;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.support.ScriptedNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily digest built from the real embedded store and sent once per user and local date. */
class DigestServiceTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final CurrencyPair EUR_USD = CurrencyPair.of("EUR", "USD");
    /** 08:30 in Seoul on Thursday 26 November. */
    private static final Instant MORNING = Instant.parse("2026-11-25T23:30:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(MORNING);
    private final ScriptedNotifier telegram = new ScriptedNotifier(clock);
    private EmbeddedStores stores;
    private DigestService digests;
    private User mina;

    @BeforeEach
    void open() {
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx.db"), 50), clock);
        digests = new DigestService(stores.users(), stores.alerts(), stores.rateHistory(), telegram, clock);
        mina = stores.users().linkChat(42L, "Mina", "en");
        stores.users().setTimezone(mina.id(), "Asia/Seoul");
        stores.users().setDigestTime(mina.id(), "08:30");
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private void rate(CurrencyPair pair, String value, String observedAt) {
        stores.rateHistory().append(new Rate(pair, new BigDecimal(value), "frankfurter", Instant.parse(observedAt)),
                "e-" + pair + observedAt);
    }

    private void alert(String id, CurrencyPair pair, Direction direction, String threshold) {
        stores.alerts().create(Alert.create(id, new Owner(mina.id(), mina.chatId()), pair, direction,
                new BigDecimal(threshold), AlertMode.ONCE, null, clock.instant()));
    }

    @Test
    void listsEachPairsLatestRateWithItsChangeSinceTheDayBeforeAndTheAlertsNearestToFiring() {
        rate(USD_KRW, "1380", "2026-11-24T06:00:00Z"); // Tuesday 15:00 KST
        rate(USD_KRW, "1385.2", "2026-11-24T08:00:00Z"); // Tuesday 17:00 KST: the last of the day before
        rate(USD_KRW, "1401.5", "2026-11-25T06:00:00Z"); // Wednesday 15:00 KST
        rate(USD_KRW, "1392.1", "2026-11-25T14:00:00Z"); // Wednesday 23:00 KST: the latest
        rate(EUR_USD, "1.05", "2026-11-25T15:00:00Z");
        alert("far00000", USD_KRW, Direction.ABOVE, "1500");
        alert("near0000", USD_KRW, Direction.BELOW, "1380");
        alert("eur00000", EUR_USD, Direction.BELOW, "1");
        alert("mid00000", USD_KRW, Direction.ABOVE, "1420");

        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.SENT);

        assertThat(telegram.sent()).singleElement().satisfies(sent -> assertThat(sent.message().text()).isEqualTo("""
                ☀️ Your daily digest, 2026-11-26
                EUR/USD: 1.05 (no earlier day to compare with)
                USD/KRW: 1,392.1 (+6.9, +0.5% since 2026-11-24 17:00 KST)

                Nearest to firing:
                • USD/KRW at or below 1,380: 12.1 away (0.87%), alert near0000
                • USD/KRW at or above 1,420: 27.9 away (2%), alert mid00000
                • EUR/USD at or below 1: 0.05 away (4.76%), alert eur00000"""));
    }

    @Test
    void aScheduleThatFiresTwiceSendsOneDigestADayAndTheNextDayAnother() {
        alert("a0000000", USD_KRW, Direction.ABOVE, "1400");

        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.SENT);
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.ALREADY_SENT);
        clock.advance(Duration.ofDays(1));
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.SENT);

        assertThat(telegram.sent()).hasSize(2);
        assertThat(telegram.sent().get(0).message().text()).contains("USD/KRW: no rate yet")
                .doesNotContain("Nearest").doesNotContain("no armed alerts");
    }

    // Issue 15 audit (branch quiet15b): across New York's DST end (Sunday 7 Nov 2027, 02:00 EDT -> 01:00 EST) each
    // digest carries its local date and times with the abbreviation of their moment, and 01:30, which comes twice
    // that night (05:30Z EDT, 06:30Z EST; a scheduler may fire at both), gets one digest.
    @Test
    void acrossDaylightSavingEndEachLocalDayGetsOneDigestAndTheHourThatComesTwiceOnlyOne() {
        stores.users().setTimezone(mina.id(), "America/New_York");
        stores.users().setDigestTime(mina.id(), "01:30");
        alert("a0000000", USD_KRW, Direction.ABOVE, "1500");
        clock.advance(Duration.between(clock.instant(), Instant.parse("2027-11-06T05:30:00Z"))); // Sat 01:30 EDT
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.SENT);
        rate(USD_KRW, "1380", "2027-11-06T20:00:00Z"); // Saturday 16:00 EDT
        rate(USD_KRW, "1390", "2027-11-07T05:10:00Z"); // Sunday 01:10 EDT

        clock.advance(Duration.ofDays(1)); // Sunday 01:30 EDT
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.SENT);
        clock.advance(Duration.ofHours(1)); // Sunday 01:30 EST: the same wall-clock time again
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.ALREADY_SENT);
        rate(USD_KRW, "1395", "2027-11-08T06:00:00Z"); // Monday 01:00 EST
        clock.advance(Duration.ofDays(1)); // Monday 01:30 EST
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.SENT);

        assertThat(telegram.sent()).extracting(sent -> sent.message().text().lines().findFirst().orElseThrow())
                .containsExactly("☀️ Your daily digest, 2027-11-06", "☀️ Your daily digest, 2027-11-07",
                        "☀️ Your daily digest, 2027-11-08");
        assertThat(telegram.sent().get(1).message().text()).contains("since 2027-11-06 16:00 EDT");
        assertThat(telegram.sent().get(2).message().text()).as("Sunday's last rate, observed before the change")
                .contains("USD/KRW: 1,395 (+5, +0.36% since 2027-11-07 01:10 EDT)");
    }

    // Issue 15 audit (branch quiet15b): a Korean reader's digest holds no English.
    @Test
    void aKoreanReadersDigestIsAllKorean() {
        stores.users().setLanguage(mina.id(), "ko");
        rate(USD_KRW, "1385.2", "2026-11-24T08:00:00Z");
        rate(USD_KRW, "1392.1", "2026-11-25T14:00:00Z");
        rate(EUR_USD, "1.05", "2026-11-25T15:00:00Z");
        alert("near0000", USD_KRW, Direction.BELOW, "1380");
        alert("eur00000", EUR_USD, Direction.ABOVE, "1.1");

        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.SENT);

        String text = telegram.sent().get(0).message().text();
        assertThat(text).startsWith("☀️ 일일 요약, 2026-11-26\n").contains("USD/KRW: 1,392.1 (2026-11-24 17:00 KST 대비 +6.9")
                .contains("곧 울릴 알림:").contains("• USD/KRW 1,380 이하: 12.1 남음");
        assertThat(text.replaceAll("USD|KRW|EUR|near0000|eur00000|KST", "")).doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void nobodyWhoStoppedTheDigestOrBlockedTheBotGetsOne() {
        stores.users().setDigestTime(mina.id(), null);
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.NOT_WANTED);
        stores.users().setDigestTime(mina.id(), "08:30");
        stores.users().deactivate(mina.id());
        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.NOT_WANTED);
        assertThat(digests.send("nobody")).isEqualTo(DigestService.Outcome.NOT_WANTED);

        assertThat(telegram.sent()).isEmpty();
    }

    /** Issue 15, AWS: a schedule that outlived /digest off or its user is deleted when it fires; nothing is sent. */
    @Test
    void aStaleScheduleIsDeletedWhenItFiresAndAnInactiveUsersIsKept() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        DigestService withSchedules = new DigestService(stores.users(), stores.alerts(), stores.rateHistory(), telegram,
                clock, new RecordingSchedules(calls), "stack-digests");

        stores.users().deactivate(mina.id());
        assertThat(withSchedules.send(mina.id())).isEqualTo(DigestService.Outcome.NOT_WANTED);
        assertThat(calls).as("an inactive user's schedule stays: their digest resumes when they return").isEmpty();

        stores.users().setDigestTime(mina.id(), null);
        assertThat(withSchedules.send(mina.id())).isEqualTo(DigestService.Outcome.NOT_WANTED);
        assertThat(withSchedules.send("removed-user")).isEqualTo(DigestService.Outcome.NOT_WANTED);

        assertThat(calls).containsExactly("delete stack-digests/digest-" + mina.id(), "delete stack-digests/digest-removed-user");
        assertThat(telegram.sent()).isEmpty();
    }

    /** Records the user-schedule calls; the ingestion schedule is not part of the digest. */
    private static class RecordingSchedules implements dev.fxalert.core.port.ScheduleManager {
        private final java.util.List<String> calls;

        RecordingSchedules(java.util.List<String> calls) {
            this.calls = calls;
        }

        @Override
        public dev.fxalert.core.port.ScheduleStatus describe() {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.fxalert.core.port.ScheduleStatus pause() {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.fxalert.core.port.ScheduleStatus resume() {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.fxalert.core.port.ScheduleStatus changeExpression(dev.fxalert.core.port.ScheduleExpression expression) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putUserSchedule(dev.fxalert.core.port.UserSchedule schedule) {
            calls.add("put " + schedule.group() + "/" + schedule.name() + " " + schedule.expression().text() + " "
                    + schedule.timezone());
        }

        @Override
        public boolean deleteUserSchedule(String group, String name) {
            calls.add("delete " + group + "/" + name);
            return true;
        }
    }

    @Test
    void aChatThatIsGoneDeactivatesTheUser() {
        telegram.script(42L, new DeliveryResult.RecipientGone("403 Forbidden: bot was blocked by the user"));

        assertThat(digests.send(mina.id())).isEqualTo(DigestService.Outcome.FAILED);

        assertThat(stores.users().findById(mina.id())).map(User::active).contains(false);
    }
}
