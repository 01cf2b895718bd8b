package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.support.DeliveryPath;
import dev.fxalert.evaluation.support.DirectExecutorService;
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

import static dev.fxalert.evaluation.support.DeliveryPath.DRAIN;
import static dev.fxalert.evaluation.support.DeliveryPath.PACING;
import static dev.fxalert.evaluation.support.StoreFixture.USD_KRW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded evaluation plus the delivery worker: evaluation only fills the outbox and wakes delivery; the worker
 * drains it through the paced sender, interleaving events. Manual clock, direct executors, no sleeps.
 */
class OutboxDeliveryTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    /** DeliveryPath paces 2 messages/s, so one send slot is 500 ms. */
    private static final Duration SLOT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedNotifier notifier = new ScriptedNotifier(clock);
    private final List<String> wakeups = new ArrayList<>();
    private StoreFixture store;
    private DeliveryPath path;
    private EvaluationService evaluation;
    private OutboxDelivery delivery;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir, clock);
        path = new DeliveryPath(store, notifier, clock);
        evaluation = EvaluationService.recording(store.alerts(), store.users(), clock, EvaluationConfig.DEFAULTS,
                (eventId, count) -> wakeups.add(eventId + ":" + count), SLOT);
        delivery = path.delivery;
    }

    @AfterEach
    void close() {
        path.close();
        store.close();
    }

    private RateUpdated event(String value) {
        return RateUpdated.of(new Rate(USD_KRW, new BigDecimal(value), "frankfurter", clock.instant()), null);
    }

    /** {@code count} users, each with one alert of {@code direction} at {@code threshold}. */
    private List<Alert> alerts(int count, long firstChat, Direction direction, String threshold) {
        List<Alert> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User user = store.user(firstChat + i, "en");
            created.add(store.alert(String.format("%s%07d", direction == Direction.ABOVE ? "a" : "b", firstChat + i),
                    user, direction, threshold, AlertMode.ONCE, null));
        }
        return created;
    }

    @Test
    void recordedEvaluationSendsNothingSpreadsTheFanOutAndWakesDeliveryAtTheFirstWin() {
        alerts(3, 100, Direction.ABOVE, "1400");
        RateUpdated crossing = event("1401");

        EvaluationResult result = evaluation.onRateUpdated(crossing);

        assertThat(result.fired()).isEqualTo(3);
        assertThat(result.pushes()).isEqualTo(DeliveryCounts.NONE);
        assertThat(notifier.sent()).isEmpty();
        assertThat(wakeups).containsExactly(crossing.eventId() + ":1", crossing.eventId() + ":3");
        // The i-th push is due i send slots after the firing: the fan-out occupies the slots it will be sent in.
        assertThat(store.alerts().findPendingPushes(10)).extracting(a -> a.push().nextAttemptAt())
                .containsExactly(START, START.plus(SLOT), START.plus(SLOT.multipliedBy(2)));
    }

    @Test
    void concurrentConditionalWritesFireEachAlertOnceInItsOwnSlot() throws Exception {
        alerts(60, 100, Direction.ABOVE, "1400");
        java.util.concurrent.ExecutorService writes = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            EvaluationService concurrent = EvaluationService.recording(store.alerts(), store.users(), clock,
                    EvaluationConfig.DEFAULTS, (eventId, count) -> wakeups.add(eventId + ":" + count), SLOT, writes, 4);

            EvaluationResult result = concurrent.onRateUpdated(event("1401"));

            assertThat(result.fired()).isEqualTo(60);
            assertThat(wakeups).hasSize(2).last().asString().endsWith(":60");
        } finally {
            writes.shutdownNow();
        }
        List<Alert> pending = store.alerts().findPendingPushes(100);
        assertThat(pending).hasSize(60);
        // Each crossed alert has its own slot: 60 distinct due times, whole slots after the firing.
        assertThat(pending).extracting(a -> a.push().nextAttemptAt()).doesNotHaveDuplicates()
                .allSatisfy(due -> assertThat(Duration.between(START, due).toMillis() % SLOT.toMillis()).isZero());
    }

    @Test
    void anEventEvaluatedTwiceAtOnceWithConcurrentWritesFiresEachAlertOnce() throws Exception {
        alerts(60, 100, Direction.ABOVE, "1400");
        java.util.concurrent.ExecutorService writes = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            EvaluationService concurrent = EvaluationService.recording(store.alerts(), store.users(), clock,
                    EvaluationConfig.DEFAULTS, (eventId, count) -> { }, SLOT, writes, 4);
            RateUpdated crossing = event("1401");
            var first = callers.submit(() -> concurrent.onRateUpdated(crossing));
            var second = callers.submit(() -> concurrent.onRateUpdated(crossing));

            assertThat(first.get().fired() + second.get().fired()).isEqualTo(60);
        } finally {
            writes.shutdownNow();
            callers.shutdownNow();
        }
        assertThat(store.alerts().findPendingPushes(100)).hasSize(60);
    }

    @Test
    void drainingSendsEveryPendingPushOnceAndEmptiesTheOutbox() throws Exception {
        alerts(9, 100, Direction.ABOVE, "1400");
        evaluation.onRateUpdated(event("1401"));

        DrainResult drained = delivery.drain(START.plus(Duration.ofMinutes(5)));

        assertThat(drained.pushes().delivered()).isEqualTo(9);
        assertThat(drained.moreLeft()).isFalse();
        assertThat(drained.rounds()).isGreaterThanOrEqualTo(3); // batches of at most 4
        assertThat(notifier.sent()).hasSize(9);
        assertThat(notifier.sent()).extracting(s -> s.message().chatId()).doesNotHaveDuplicates();
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        assertThat(delivery.drain(START.plus(Duration.ofMinutes(5))).rounds()).isZero();
    }

    /** Issue 14 (rule in Alert's Javadoc): a firing during a snooze is told once, by the outbox, when it ends. */
    @Test
    void aFiringDuringASnoozeIsPushedOnceWhenTheSnoozeEnds() throws Exception {
        Alert alert = alerts(1, 100, Direction.ABOVE, "1400").get(0);
        Instant until = START.plus(Duration.ofHours(1));
        store.alerts().snooze(alert.owner().userId(), alert.id(), until);

        assertThat(evaluation.onRateUpdated(event("1401")).fired()).isEqualTo(1);
        delivery.drain(START.plus(Duration.ofMinutes(5)));
        assertThat(notifier.sent()).as("held during the snooze").isEmpty();

        clock.advance(Duration.ofHours(1));
        delivery.drain(until.plus(Duration.ofMinutes(5)));

        assertThat(notifier.sent()).hasSize(1);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void aSmallEventsPushIsSentBetweenTheSlotsOfALargeFanOutNotAfterIt() throws Exception {
        alerts(40, 100, Direction.ABOVE, "1400");
        Alert small = alerts(1, 500, Direction.BELOW, "1300").get(0);
        evaluation.onRateUpdated(event("1401")); // 40 pushes: 20 s of sending at 2/s
        clock.advance(Duration.ofSeconds(3));
        Instant smallFired = clock.instant();
        evaluation.onRateUpdated(event("1299"));

        delivery.drain(START.plus(Duration.ofMinutes(5)));

        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent).hasSize(41);
        int position = 0;
        while (sent.get(position).message().chatId() != small.owner().chatId()) {
            position++;
        }
        // Behind only the fan-out's pushes scheduled before it (3 s = 6 slots) and the batch already in hand,
        // not behind all 40.
        assertThat(position).isLessThanOrEqualTo(12);
        assertThat(Duration.between(smallFired, sent.get(position).at())).isLessThan(Duration.ofSeconds(7));
        assertThat(sent.get(40).at()).isAfterOrEqualTo(START.plus(SLOT.multipliedBy(40)));
    }

    @Test
    void whenTheTimeIsUpTheRestStaysPendingAndTheDrainSaysMoreIsLeft() throws Exception {
        alerts(20, 100, Direction.ABOVE, "1400");
        evaluation.onRateUpdated(event("1401"));

        DrainResult first = delivery.drain(START.plusSeconds(3));

        assertThat(first.moreLeft()).isTrue();
        int sentFirst = notifier.sent().size();
        assertThat(sentFirst).isBetween(4, 16);
        assertThat(store.alerts().findPendingPushes(100)).hasSize(20 - sentFirst);

        DrainResult second = delivery.drain(START.plus(Duration.ofMinutes(5)));

        assertThat(second.moreLeft()).isFalse();
        assertThat(first.pushes().delivered() + second.pushes().delivered()).isEqualTo(20);
        assertThat(notifier.sent()).extracting(s -> s.message().chatId()).doesNotHaveDuplicates().hasSize(20);
    }

    /**
     * Issue 12 (no push waits for the sweep while capacity is idle): the drain's time runs out during a send, and
     * the event's next push is scheduled further ahead than the look-ahead (pushes 5 s apart). The drain must
     * still say more is left, so Delivery invokes itself instead of leaving that push to the 5-minute sweep.
     */
    @Test
    void whenTheTimeRunsOutBeforeAPushScheduledBeyondTheLookAheadTheDrainStillSaysMoreIsLeft() throws Exception {
        alerts(2, 100, Direction.ABOVE, "1400");
        EvaluationService spaced = EvaluationService.recording(store.alerts(), store.users(), clock,
                EvaluationConfig.DEFAULTS, (eventId, count) -> { }, Duration.ofSeconds(5));
        Notifier slow = message -> {
            clock.advance(Duration.ofSeconds(1)); // Telegram takes a second: the drain's time runs out meanwhile
            return notifier.send(message);
        };
        try (PacedSender slowSender = new PacedSender(slow, store.alerts(), store.users(), DeliveryObserver.NONE,
                PACING, clock, clock.sleeper(), new DirectExecutorService())) {
            OutboxDelivery drainer = new OutboxDelivery(store.alerts(), store.users(), slowSender, clock,
                    clock.sleeper(), new DirectExecutorService(), DRAIN);
            spaced.onRateUpdated(event("1401"));

            DrainResult first = drainer.drain(START.plusMillis(200));

            assertThat(first.pushes().delivered()).isEqualTo(1);
            assertThat(first.moreLeft()).as("the second push, due 5 s after the first, is still to send").isTrue();
        }
    }

    @Test
    void aFailingPushIsTriedOncePerDrainAndTheDrainEnds() throws Exception {
        alerts(2, 100, Direction.ABOVE, "1400");
        notifier.script(100, new DeliveryResult.Failed("502"), new DeliveryResult.Failed("502"),
                new DeliveryResult.Failed("502"));
        evaluation.onRateUpdated(event("1401"));

        DrainResult drained = delivery.drain(START.plus(Duration.ofMinutes(30)));

        assertThat(drained.pushes().delivered()).isEqualTo(1);
        assertThat(drained.pushes().leftPending()).isEqualTo(1);
        assertThat(drained.moreLeft()).isFalse();
        // Moved back by the failed round: a later drain (timer, trigger or sweep) tries it again.
        Alert failed = store.alerts().findPendingPushes(10).get(0);
        assertThat(failed.push().attempts()).isEqualTo(1);
        assertThat(failed.push().nextAttemptAt()).isAfter(clock.instant());
    }

    @Test
    void waitsForAFanOutsLaterSlotsInsteadOfEndingEarly() throws Exception {
        evaluation = EvaluationService.recording(store.alerts(), store.users(), clock, EvaluationConfig.DEFAULTS,
                (eventId, count) -> { }, Duration.ofSeconds(10));
        alerts(3, 100, Direction.ABOVE, "1400");
        evaluation.onRateUpdated(event("1401"));

        DrainResult drained = delivery.drain(START.plus(Duration.ofMinutes(5)));

        assertThat(drained.pushes().delivered()).isEqualTo(3);
        assertThat(notifier.sent().get(2).at()).isAfterOrEqualTo(START.plusSeconds(19));
    }

    @Test
    void anInactiveOwnersPushIsClosedWithoutSending() throws Exception {
        Alert alert = alerts(1, 100, Direction.ABOVE, "1400").get(0);
        evaluation.onRateUpdated(event("1401"));
        store.users().deactivate(alert.owner().userId());

        DrainResult drained = delivery.drain(START.plus(Duration.ofMinutes(5)));

        assertThat(drained.ownerGone()).isEqualTo(1);
        assertThat(notifier.sent()).isEmpty();
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void theSweepOfARecordingEvaluationOnlyWakesDelivery() {
        alerts(1, 100, Direction.ABOVE, "1400");
        evaluation.onRateUpdated(event("1401"));
        clock.advance(Duration.ofMinutes(10));

        SweepResult sweep = evaluation.sweepPendingPushes();

        assertThat(sweep.pushes()).isEqualTo(DeliveryCounts.NONE);
        assertThat(notifier.sent()).isEmpty();
        assertThat(wakeups).last().isEqualTo("sweep:0");
        assertThat(store.alerts().findPendingPushes(10)).hasSize(1);
    }
}
