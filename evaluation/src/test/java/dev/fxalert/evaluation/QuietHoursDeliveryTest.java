package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.support.DeliveryPath;
import dev.fxalert.evaluation.support.ScriptedNotifier;
import dev.fxalert.evaluation.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.fxalert.evaluation.support.StoreFixture.USD_KRW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours through the real outbox (H2 file), evaluation, {@link OutboxDelivery} and {@link PacedSender}: pushes
 * that fire during a user's quiet hours are held in the outbox and come as one summary when they end, across a
 * restart and a daylight-saving change, never twice. Manual clock, direct executors, no sleeps.
 */
class QuietHoursDeliveryTest {

    /** 23:30 in Seoul (UTC+9, no DST): inside 23:00-07:00, which ends at 22:00Z. */
    private static final Instant SEOUL_NIGHT = Instant.parse("2026-11-25T14:30:00Z");
    private static final Instant SEOUL_MORNING = Instant.parse("2026-11-25T22:00:00Z");

    @TempDir
    Path dir;

    private MutableClock clock;
    private ScriptedNotifier notifier;
    private StoreFixture store;
    private DeliveryPath path;
    private EvaluationService evaluation;
    private OutboxDelivery delivery;

    private void start(Instant at) {
        clock = new MutableClock(at);
        notifier = new ScriptedNotifier(clock);
        open();
    }

    /** Opens (or reopens, after {@link #crash()}) the store file and the delivery path. */
    private void open() {
        store = new StoreFixture(dir, clock);
        path = new DeliveryPath(store, notifier, clock);
        evaluation = EvaluationService.recording(store.alerts(), store.users(), clock, EvaluationConfig.DEFAULTS,
                (eventId, count) -> { }, Duration.ofMillis(500));
        delivery = path.delivery;
    }

    private void crash() {
        path.close();
        store.close();
    }

    @AfterEach
    void close() {
        crash();
    }

    private User user(long chatId, String zone, String quiet) {
        User user = store.user(chatId, "en");
        store.users().setTimezone(user.id(), zone);
        if (quiet != null) {
            store.users().setQuietHours(user.id(), quiet);
        }
        return user;
    }

    /** {@code count} alerts of {@code owner} above 1,400, 1,399, ... so one rate of 1,401 fires them all. */
    private List<Alert> alerts(User owner, String prefix, int count) {
        List<Alert> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(store.alert(prefix + i, owner, Direction.ABOVE, String.valueOf(1400 - i), AlertMode.ONCE, null));
        }
        return created;
    }

    private void rate(String value) {
        evaluation.onRateUpdated(RateUpdated.of(
                new Rate(USD_KRW, new BigDecimal(value), "frankfurter", clock.instant()), null));
    }

    private DrainResult drain() throws InterruptedException {
        return delivery.drain(clock.instant().plus(Duration.ofMinutes(5)));
    }

    private List<ScriptedNotifier.Sent> sentTo(User user) {
        return notifier.sent().stream().filter(s -> s.message().chatId() == user.chatId()).toList();
    }

    @Test
    void pushesFiredDuringQuietHoursAreHeldAndComeAsOneSummaryWithTheLatestRateWhenTheyEnd() throws Exception {
        start(SEOUL_NIGHT);
        User sleeper = user(100, "Asia/Seoul", "23:00-07:00");
        User awake = user(200, "Asia/Seoul", null);
        List<Alert> held = alerts(sleeper, "s", 3);
        alerts(awake, "w", 1);
        rate("1401");
        clock.advance(Duration.ofMinutes(30));
        rate("1402.5"); // fires nothing new (all fired once); the summary's latest rate is the last firing's

        DrainResult night = drain();

        assertThat(sentTo(awake)).hasSize(1);
        assertThat(sentTo(sleeper)).isEmpty();
        assertThat(night.moreLeft()).as("a held push is not work left for now").isFalse();
        for (Alert alert : held) {
            Alert stored = store.reload(alert);
            assertThat(stored.pushPending()).isTrue();
            assertThat(stored.push().nextAttemptAt()).isEqualTo(SEOUL_MORNING);
            assertThat(stored.push().attempts()).isZero();
        }
        clock.advance(Duration.between(clock.instant(), SEOUL_MORNING).minusSeconds(1));
        drain();
        assertThat(sentTo(sleeper)).as("one second before the end").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        DrainResult morning = drain();

        assertThat(sentTo(sleeper)).singleElement().satisfies(sent -> {
            String text = sent.message().text();
            assertThat(text).contains("3 alerts fired").contains("s0").contains("s1").contains("s2")
                    .contains("1,400").contains("1,398").contains("Latest USD/KRW: 1,401")
                    .contains("2026-11-25 23:30 KST");
            assertThat(sent.at()).isAfterOrEqualTo(SEOUL_MORNING);
        });
        assertThat(morning.pushes().delivered()).isEqualTo(1);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        drain();
        assertThat(notifier.sent()).hasSize(2);
    }

    @Test
    void heldPushesSurviveARestartDuringQuietHours() throws Exception {
        start(SEOUL_NIGHT);
        User sleeper = user(100, "Asia/Seoul", "23:00-07:00");
        alerts(sleeper, "s", 2);
        rate("1401");
        drain();
        crash();

        clock.advance(Duration.between(clock.instant(), SEOUL_MORNING));
        open();
        drain();

        assertThat(sentTo(sleeper)).singleElement()
                .satisfies(sent -> assertThat(sent.message().text()).contains("2 alerts fired"));
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    // Quiet hours released (issue 15, branch quiet15b): what /quiet off does (the bot's HeldPushes), then delivery.
    @Test
    void quietOffAfterARestartSendsTheHeldPushesAtOnceEachOnceAndNothingLater() throws Exception {
        start(SEOUL_NIGHT);
        User sleeper = user(100, "Asia/Seoul", "23:00-07:00");
        alerts(sleeper, "s", 2);
        rate("1401");
        drain();
        crash();
        clock.advance(Duration.ofMinutes(10));
        open();

        store.users().setQuietHours(sleeper.id(), null);
        assertThat(store.alerts().releaseHeldPushes(sleeper.id(), SEOUL_MORNING, clock.instant())).isEqualTo(2);
        DrainResult released = drain();

        assertThat(sentTo(sleeper)).hasSize(2).allSatisfy(sent -> {
            assertThat(sent.at()).isBefore(SEOUL_MORNING);
            assertThat(sent.message().text()).contains("USD/KRW is 1,401").contains("2026-11-25 15:30 CET");
        });
        assertThat(released.pushes().delivered()).isEqualTo(2);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        clock.advance(Duration.between(clock.instant(), SEOUL_MORNING));
        drain();
        assertThat(notifier.sent()).as("nothing comes again at the old quiet end").hasSize(2);
    }

    /**
     * A drain keeps the owners it read (one read per owner per drain), and a drain can last minutes: quiet hours
     * turned off meanwhile must not hold a push that fires later in the same drain until the old end.
     */
    @Test
    void quietHoursTurnedOffDuringADrainHoldNothingLaterInIt() throws Exception {
        start(SEOUL_NIGHT);
        User sleeper = user(100, "Asia/Seoul", "23:00-07:00");
        User awake = user(200, "Asia/Seoul", null);
        store.alert("s0", sleeper, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        store.alert("s1", sleeper, Direction.ABOVE, "1410", AlertMode.ONCE, null);
        store.alert("w0", awake, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        boolean[] turnedOff = {false};
        dev.fxalert.core.port.Notifier meanwhile = message -> {
            if (message.chatId() == awake.chatId() && !turnedOff[0]) {
                turnedOff[0] = true; // while the awake user's push is sent: /quiet off, then s1 fires
                store.users().setQuietHours(sleeper.id(), null);
                store.alerts().releaseHeldPushes(sleeper.id(), SEOUL_MORNING, clock.instant());
                rate("1411");
            }
            return notifier.send(message);
        };
        path.close();
        path = new DeliveryPath(store, meanwhile, clock);
        delivery = path.delivery;
        rate("1401"); // s0 (held: quiet now) and w0

        drain();

        assertThat(turnedOff[0]).isTrue();
        assertThat(sentTo(sleeper)).as("s1 fired after quiet hours were turned off").singleElement()
                .satisfies(sent -> assertThat(sent.message().text()).contains("1,411").contains("Alert s1"));
        drain();
        assertThat(sentTo(sleeper)).as("then s0, released").hasSize(2);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void oneOwnersHeldPushesMakeOneMessageEvenWhenTheDrainReadsThemInSeveralBatches() throws Exception {
        start(SEOUL_NIGHT);
        User first = user(100, "Asia/Seoul", "23:00-07:00");
        User second = user(200, "Asia/Seoul", "23:00-07:00");
        // Ids interleave the two owners in the outbox's order; batches hold 4 pushes.
        for (int i = 0; i < 5; i++) {
            store.alert("a" + i + "x", first, Direction.ABOVE, String.valueOf(1400 - i), AlertMode.ONCE, null);
            store.alert("a" + i + "y", second, Direction.ABOVE, String.valueOf(1400 - i), AlertMode.ONCE, null);
        }
        rate("1401");
        drain();
        clock.advance(Duration.between(clock.instant(), SEOUL_MORNING));

        drain();

        assertThat(sentTo(first)).singleElement()
                .satisfies(sent -> assertThat(sent.message().text()).contains("5 alerts fired"));
        assertThat(sentTo(second)).singleElement()
                .satisfies(sent -> assertThat(sent.message().text()).contains("5 alerts fired"));
        assertThat(store.alerts().findPendingPushes(20)).isEmpty();
    }

    @Test
    void aSummaryWhoseSendGotNoAnswerIsNeverSentAgain() throws Exception {
        start(SEOUL_NIGHT);
        User sleeper = user(100, "Asia/Seoul", "23:00-07:00");
        List<Alert> held = alerts(sleeper, "s", 3);
        rate("1401");
        drain();
        clock.advance(Duration.between(clock.instant(), SEOUL_MORNING));
        notifier.script(sleeper.chatId(), new DeliveryResult.OutcomeUnknown("read timed out"));

        drain();
        clock.advance(Duration.ofHours(1));
        drain();

        assertThat(sentTo(sleeper)).hasSize(1);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        for (Alert alert : held) {
            assertThat(store.reload(alert).push().outcomeUnknown()).as(alert.id()).isTrue();
        }
    }

    @Test
    void aFailedSummaryRoundCountsAnAttemptOnEachHeldPushAndTheSummaryComesWhole() throws Exception {
        start(SEOUL_NIGHT);
        User sleeper = user(100, "Asia/Seoul", "23:00-07:00");
        List<Alert> held = alerts(sleeper, "s", 3);
        rate("1401");
        drain();
        clock.advance(Duration.between(clock.instant(), SEOUL_MORNING));
        DeliveryResult failed = new DeliveryResult.Failed("502 Bad Gateway");
        notifier.script(sleeper.chatId(), failed, failed, failed);

        drain();

        for (Alert alert : held) {
            Alert stored = store.reload(alert);
            assertThat(stored.pushPending()).isTrue();
            assertThat(stored.push().attempts()).isEqualTo(1);
        }
        clock.advance(Duration.ofHours(1));
        drain();

        assertThat(sentTo(sleeper)).hasSize(4); // 3 failed tries, then the one accepted
        assertThat(sentTo(sleeper).get(3).message().text()).contains("3 alerts fired");
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void theQuietEndFollowsTheUsersZoneAcrossTheEndOfDaylightSavingTime() throws Exception {
        // New York leaves DST on 2026-11-01 at 02:00 EDT: 22:00-06:00 that night lasts 9 hours, not 8.
        start(Instant.parse("2026-11-01T03:00:00Z")); // 23:00 EDT on 31 October
        User sleeper = user(100, "America/New_York", "22:00-06:00");
        Alert alert = alerts(sleeper, "s", 1).get(0);
        rate("1401");
        drain();
        Instant sixEst = Instant.parse("2026-11-01T11:00:00Z");
        assertThat(store.reload(alert).push().nextAttemptAt()).isEqualTo(sixEst);

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-01T10:30:00Z"))); // 05:30 EST
        drain();
        assertThat(sentTo(sleeper)).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        drain();
        assertThat(sentTo(sleeper)).singleElement()
                .satisfies(sent -> assertThat(sent.message().text()).contains("1 alert fired").contains("EDT"));
    }

    @Test
    void aPushThatFiresOutsideQuietHoursComesAtOnceWithItsButtons() throws Exception {
        start(Instant.parse("2026-11-25T03:00:00Z")); // noon in Seoul
        User user = user(100, "Asia/Seoul", "23:00-07:00");
        alerts(user, "s", 1);
        rate("1401");

        drain();

        assertThat(sentTo(user)).singleElement()
                .satisfies(sent -> assertThat(sent.message().buttons()).isNotEmpty());
    }
}
