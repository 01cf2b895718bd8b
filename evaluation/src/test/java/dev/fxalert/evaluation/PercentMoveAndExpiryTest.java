package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.support.DeliveryPath;
import dev.fxalert.evaluation.support.ScriptedNotifier;
import dev.fxalert.evaluation.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Issue 14: percent-move alerts and expiry through evaluation and the outbox drain, on the embedded store with a
 * manual clock, a direct executor and a scripted Telegram (no sleeps).
 */
class PercentMoveAndExpiryTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedNotifier notifier = new ScriptedNotifier(clock);
    private final List<String> wakeups = new ArrayList<>();
    private StoreFixture store;
    private DeliveryPath path;
    private EvaluationService evaluation;
    private OutboxDelivery delivery;
    private User mina;
    private int events;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir, clock);
        path = new DeliveryPath(store, notifier, clock);
        evaluation = EvaluationService.recording(store.alerts(), store.users(), clock, EvaluationConfig.DEFAULTS,
                (eventId, count) -> wakeups.add(eventId + ":" + count), Duration.ZERO).withMoves(store.rateHistory());
        delivery = path.delivery;
        mina = store.user(1001, "en");
    }

    @AfterEach
    void close() {
        path.close();
        store.close();
    }

    /** A rate published now: appended to the history (as ingestion does) and evaluated. */
    private EvaluationResult publish(String value) {
        Rate rate = new Rate(USD_KRW, new BigDecimal(value), "frankfurter", clock.instant());
        RateUpdated event = RateUpdated.of(rate, null);
        store.rateHistory().append(rate, event.eventId());
        return evaluation.onRateUpdated(event);
    }

    private Alert move(String id, MoveWay way, String percent, Duration window, AlertMode mode) {
        return store.alerts().create(Alert.createMove(id, new Owner(mina.id(), mina.chatId()), USD_KRW,
                new Move(way, window), new BigDecimal(percent), mode, null, clock.instant()));
    }

    private List<String> drainTexts() throws InterruptedException {
        int before = notifier.sent().size();
        delivery.drain(clock.instant().plusSeconds(30));
        return notifier.sent().subList(before, notifier.sent().size()).stream().map(s -> s.message().text()).toList();
    }

    @Test
    void aMoveDoesNotFireWhileTheHistoryDoesNotReachBackOneWindow() {
        Alert up = move("up000001", MoveWay.UP, "1", DAY, AlertMode.REARM);
        publish("1383.1");
        clock.advance(Duration.ofHours(23));

        EvaluationResult result = publish("1450");

        assertThat(result.fired()).as("no rate 24h ago yet").isZero();
        assertThat(store.reload(up).state()).isEqualTo(AlertState.ARMED);
    }

    // A pair's history backfilled with daily rates (first alert, first chart) reaches back a year, but a daily rate
    // is no base for a 1h move: 20 hours of movement would fire an alert that promises one hour.
    @Test
    void aMoveDoesNotFireAgainstABaseMoreThanTwoWindowsOld() {
        Alert hourly = move("hour0001", MoveWay.UP, "1", Duration.ofHours(1), AlertMode.REARM);
        publish("1383.1"); // yesterday's daily rate, say
        clock.advance(Duration.ofHours(20));

        assertThat(publish("1450").fired()).as("+4.8% over 20h is not a move within 1h").isZero();
        assertThat(store.reload(hourly).state()).isEqualTo(AlertState.ARMED);

        clock.advance(Duration.ofMinutes(65)); // now a base one window old exists: the live 1,450
        assertThat(publish("1466").fired()).as("+1.1% within 1h").isEqualTo(1);
    }

    // ...while a gap of up to two windows (a quiet night and day under a 24h window) still measures the move since the last rate.
    @Test
    void aMoveStillFiresAgainstABaseUpToTwoWindowsOld() {
        Alert daily = move("day00001", MoveWay.UP, "1", DAY, AlertMode.REARM);
        publish("1383.1");
        clock.advance(Duration.ofHours(36));

        assertThat(publish("1400").fired()).isEqualTo(1);
        assertThat(store.reload(daily).lastFiring().base()).isEqualByComparingTo("1383.1");
    }

    @Test
    void aMoveAgainstTheRateOneWindowAgoFiresOnceAndThePushSaysTheMove() throws Exception {
        Alert up = move("up000001", MoveWay.UP, "1", DAY, AlertMode.REARM);
        Alert down = move("down0001", MoveWay.DOWN, "1", DAY, AlertMode.REARM);
        Alert wide = move("either01", MoveWay.EITHER, "2", DAY, AlertMode.REARM);
        publish("1383.1");
        clock.advance(DAY.plusMinutes(5));

        EvaluationResult result = publish("1400");

        assertThat(result.fired()).isEqualTo(1);
        assertThat(store.reload(up).state()).isEqualTo(AlertState.FIRED);
        assertThat(store.reload(up).lastFiring().base()).isEqualByComparingTo("1383.1");
        assertThat(store.reload(down).state()).isEqualTo(AlertState.ARMED);
        assertThat(store.reload(wide).state()).isEqualTo(AlertState.ARMED);
        assertThat(drainTexts()).singleElement().asString()
                .startsWith("🔔 USD/KRW moved +1.22% in 24h (1,383.1 → 1,400)")
                .contains("re-arms by itself once the move is back under 0.5%");

        // The move persists: further rates keep it above half the percent, nothing fires again.
        clock.advance(Duration.ofMinutes(5));
        assertThat(publish("1401").fired()).isZero();
        assertThat(evaluation.onRateUpdated(RateUpdated.of(new Rate(USD_KRW, new BigDecimal("1401"), "frankfurter",
                clock.instant()), null)).fired()).as("a duplicate evaluation").isZero();
        assertThat(drainTexts()).isEmpty();
    }

    @Test
    void aFiredMoveAlertReArmsOnceTheMoveFellUnderHalfItsPercentAndFiresAgain() throws Exception {
        Alert either = move("either01", MoveWay.EITHER, "1", DAY, AlertMode.REARM);
        Alert once = move("once0001", MoveWay.EITHER, "1", DAY, AlertMode.ONCE);
        publish("1400");
        clock.advance(Duration.ofHours(1));
        publish("1400");
        clock.advance(DAY);
        assertThat(publish("1380").fired()).as("-1.43% either way").isEqualTo(2);

        // One window after the 1,380, it is the base: no move, both under half the percent.
        clock.advance(Duration.ofHours(2));
        publish("1380");
        clock.advance(DAY);
        EvaluationResult calm = publish("1381");
        assertThat(calm.rearmed()).isEqualTo(1);
        assertThat(store.reload(either).state()).isEqualTo(AlertState.ARMED);
        assertThat(store.reload(once).state()).as("once stays fired").isEqualTo(AlertState.FIRED);

        clock.advance(Duration.ofHours(1));
        assertThat(publish("1400").fired()).as("+1.45% against 1,380").isEqualTo(1);
        assertThat(store.reload(either).fireCount()).isEqualTo(2);
    }

    @Test
    void anAlertPastItsExpiryNeverFiresAndItsOwnerIsToldOnceThroughTheOutbox() throws Exception {
        Alert alert = store.alerts().create(Alert.create("exp00001", new Owner(mina.id(), mina.chatId()), USD_KRW,
                Direction.ABOVE, new BigDecimal("1400"), AlertMode.REARM, null, clock.instant())
                .expiringAt(START.plus(Duration.ofDays(7))));
        clock.advance(Duration.ofDays(7));

        assertThat(publish("1450").fired()).as("expired, not swept yet").isZero();
        List<String> first = drainTexts();
        assertThat(first).singleElement().asString().startsWith("⌛ Alert exp00001 (USD/KRW above 1,400) expired");
        assertThat(store.reload(alert).state()).isEqualTo(AlertState.EXPIRED);
        assertThat(store.reload(alert).pushPending()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(drainTexts()).as("told once").isEmpty();
        assertThat(publish("1460").fired()).isZero();
    }

    @Test
    void anAlertWithAPushStillPendingExpiresAfterThatPushIsDelivered() throws Exception {
        Alert alert = store.alerts().create(Alert.create("exp00001", new Owner(mina.id(), mina.chatId()), USD_KRW,
                Direction.ABOVE, new BigDecimal("1400"), AlertMode.REARM, null, clock.instant())
                .expiringAt(START.plus(Duration.ofHours(1))));
        assertThat(publish("1450").fired()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));

        assertThat(drainTexts()).as("the firing's push first, then the notice").hasSize(1);
        assertThat(drainTexts()).singleElement().asString().startsWith("⌛ Alert exp00001");
        assertThat(store.reload(alert).state()).isEqualTo(AlertState.EXPIRED);
    }
}
