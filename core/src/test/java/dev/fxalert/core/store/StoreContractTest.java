package dev.fxalert.core.store;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.ChatDraft;
import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.PushState;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.AlertPage;
import dev.fxalert.core.port.AlertQuery;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.AuditEntry;
import dev.fxalert.core.port.AuditPage;
import dev.fxalert.core.port.ChatChanges;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UpdateJournal;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every store backend promises, written only against the ports ({@link Stores}, {@link AlertStore},
 * {@link UserStore}, {@link RateHistory}) and the domain, so the embedded and the DynamoDB adapters run the very
 * same specification. A backend's test extends this class and says how to open empty stores.
 */
public abstract class StoreContractTest {

    protected static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    protected static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    protected static final CurrencyPair EUR_USD = CurrencyPair.of("EUR", "USD");
    protected static final CurrencyPair USD_JPY = CurrencyPair.of("USD", "JPY");
    private static final int DEFAULT_LIMIT = 5;

    private final List<Stores> opened = new ArrayList<>();
    private final AlertIds ids = new AlertIds();
    protected MutableClock clock;
    protected Stores stores;

    /**
     * New, empty stores of the backend under test, reading time from {@code clock} and allowing
     * {@code maxAlertsPerUser} alerts per user. Each call must return stores that share nothing with earlier ones.
     */
    protected abstract Stores openStores(Clock clock, int maxAlertsPerUser);

    @BeforeEach
    void openEmptyStores() {
        clock = new MutableClock(START);
        stores = open(DEFAULT_LIMIT);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Stores::close);
        opened.clear();
    }

    private Stores open(int maxAlertsPerUser) {
        Stores fresh = openStores(clock, maxAlertsPerUser);
        opened.add(fresh);
        return fresh;
    }

    private AlertStore alerts() {
        return stores.alerts();
    }

    private Alert alert(String userId, CurrencyPair pair, Direction direction, String threshold, AlertMode mode) {
        clock.advance(Duration.ofSeconds(1));
        return Alert.create(ids.next(), new Owner(userId, chatOf(userId)), pair, direction, new BigDecimal(threshold),
                mode, null, clock.instant());
    }

    private Alert stored(String userId, CurrencyPair pair, Direction direction, String threshold, AlertMode mode) {
        return alerts().create(alert(userId, pair, direction, threshold, mode));
    }

    private static long chatOf(String userId) {
        return 1000L + Math.abs(userId.hashCode() % 100_000);
    }

    private Firing firing(String eventId, String rate) {
        return new Firing(eventId, new BigDecimal(rate), "frankfurter", clock.instant(), clock.instant());
    }

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    private static Set<String> idsOf(List<Alert> alerts) {
        Set<String> set = new HashSet<>();
        alerts.forEach(a -> set.add(a.id()));
        return set;
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class CreatingAndOwning {

        @Test
        void storesEveryFieldOfANewAlert() {
            clock.advance(Duration.ofSeconds(1));
            Alert alert = Alert.create(ids.next(), new Owner("u1", 42L), USD_KRW, Direction.ABOVE,
                    rate("1400.25"), AlertMode.REARM, "  buy the flight  ", clock.instant());

            alerts().create(alert);

            assertThat(alerts().get("u1", alert.id())).contains(alert);
            assertThat(alerts().get("u1", alert.id()).orElseThrow().note()).isEqualTo("buy the flight");
        }

        @Test
        void refusesMoreThanTheConfiguredAlertsPerUserAndCountsEachUserApart() {
            stores = open(3);
            for (int i = 0; i < 3; i++) {
                stored("u1", USD_KRW, Direction.ABOVE, "140" + i, AlertMode.ONCE);
            }

            assertThatThrownBy(() -> stored("u1", USD_KRW, Direction.ABOVE, "1500", AlertMode.ONCE))
                    .isInstanceOf(AlertLimitExceededException.class)
                    .satisfies(e -> assertThat(((AlertLimitExceededException) e).limit()).isEqualTo(3));
            assertThat(alerts().listByOwner("u1")).hasSize(3);
            assertThat(stored("u2", USD_KRW, Direction.ABOVE, "1500", AlertMode.ONCE)).isNotNull();
        }

        @Test
        void deletingAnAlertFreesASlotUnderTheLimit() {
            stores = open(2);
            Alert first = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.BELOW, "1300", AlertMode.ONCE);

            assertThat(alerts().delete("u1", first.id())).isTrue();

            assertThat(stored("u1", EUR_USD, Direction.ABOVE, "1.2", AlertMode.ONCE)).isNotNull();
            assertThatThrownBy(() -> stored("u1", EUR_USD, Direction.ABOVE, "1.3", AlertMode.ONCE))
                    .isInstanceOf(AlertLimitExceededException.class);
        }

        @Test
        void concurrentCreatesNeverExceedTheLimit() throws Exception {
            stores = open(3);
            List<Boolean> created = race(8, () -> {
                try {
                    stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
                    return true;
                } catch (AlertLimitExceededException full) {
                    return false;
                }
            });

            assertThat(created).filteredOn(Boolean::booleanValue).hasSize(3);
            assertThat(alerts().listByOwner("u1")).hasSize(3);
        }

        @Test
        void listsTheOwnersAlertsOldestFirstAndNobodyElses() {
            Alert first = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert second = stored("u1", EUR_USD, Direction.BELOW, "1.05", AlertMode.REARM);
            Alert third = stored("u1", USD_JPY, Direction.ABOVE, "160", AlertMode.ONCE);

            assertThat(alerts().listByOwner("u1")).extracting(Alert::id)
                    .containsExactly(first.id(), second.id(), third.id());
            assertThat(alerts().listByOwner("nobody")).isEmpty();
        }

        @Test
        void anotherUsersAlertBehavesAsNotFound() {
            Alert mine = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);

            assertThat(alerts().get("u2", mine.id())).isEmpty();
            assertThat(alerts().delete("u2", mine.id())).isFalse();
            assertThat(alerts().pause("u2", mine.id())).isEmpty();
            assertThat(alerts().resume("u2", mine.id())).isEmpty();
            assertThat(alerts().get("u1", mine.id())).contains(mine);
        }

        @Test
        void unknownIdsBehaveAsNotFound() {
            assertThat(alerts().get("u1", "zzzzzzzz")).isEmpty();
            assertThat(alerts().delete("u1", "zzzzzzzz")).isFalse();
            assertThat(alerts().pause("u1", "zzzzzzzz")).isEmpty();
            assertThat(alerts().resume("u1", "zzzzzzzz")).isEmpty();
        }

        /** A redelivered command creates with the same id again: one alert, the stored one returned. */
        @Test
        void creatingTheOwnersAlertIdAgainReturnsTheStoredAlertAndCreatesNothing() {
            Alert first = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().pause("u1", first.id());

            Alert again = alerts().create(first);

            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.state()).isEqualTo(AlertState.PAUSED);
            assertThat(alerts().listByOwner("u1")).hasSize(1);
        }

        @Test
        void creatingAnAlertIdAgainIsNotRefusedByTheLimitItFilled() {
            stores = open(1);
            Alert only = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);

            assertThat(alerts().create(only).id()).isEqualTo(only.id());
            assertThat(alerts().listByOwner("u1")).hasSize(1);
        }

        @Test
        void concurrentCreatesOfOneIdStoreOneAlert() throws Exception {
            Alert alert = alert("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);

            // Fewer racers than the limit: each may hold a slot while the race is decided.
            List<String> returned = race(4, () -> alerts().create(alert).id());

            assertThat(returned).containsOnly(alert.id());
            assertThat(alerts().listByOwner("u1")).hasSize(1);
            stored("u1", USD_KRW, Direction.ABOVE, "1401", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.ABOVE, "1402", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.ABOVE, "1403", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.ABOVE, "1404", AlertMode.ONCE);
            assertThatThrownBy(() -> stored("u1", USD_KRW, Direction.ABOVE, "1405", AlertMode.ONCE))
                    .as("the raced duplicates took no slot of the limit")
                    .isInstanceOf(AlertLimitExceededException.class);
        }

        @Test
        void anAlertIdOfAnotherOwnerIsRefusedAndLeftAlone() {
            Alert theirs = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert mine = Alert.create(theirs.id(), new Owner("u2", chatOf("u2")), EUR_USD, Direction.BELOW,
                    rate("1.05"), AlertMode.ONCE, null, clock.instant());

            assertThatThrownBy(() -> alerts().create(mine)).isInstanceOf(IllegalArgumentException.class);
            assertThat(alerts().get("u1", theirs.id())).contains(theirs);
            assertThat(alerts().listByOwner("u2")).isEmpty();
        }

        @Test
        void deleteRemovesTheAlertOnce() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);

            assertThat(alerts().delete("u1", alert.id())).isTrue();
            assertThat(alerts().delete("u1", alert.id())).isFalse();
            assertThat(alerts().get("u1", alert.id())).isEmpty();
            assertThat(alerts().findCrossed(USD_KRW, rate("1500"))).isEmpty();
        }
    }

    @Nested
    class PausingAndResuming {

        @Test
        void pauseStopsFiringAndIsIdempotent() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);

            Optional<Alert> paused = alerts().pause("u1", alert.id());
            Optional<Alert> again = alerts().pause("u1", alert.id());

            assertThat(paused).get().extracting(Alert::state).isEqualTo(AlertState.PAUSED);
            assertThat(again).isEqualTo(paused);
            assertThat(alerts().findCrossed(USD_KRW, rate("1500"))).isEmpty();
        }

        @Test
        void resumeArmsAPausedAlertAgainAndIsIdempotent() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().pause("u1", alert.id());

            Optional<Alert> resumed = alerts().resume("u1", alert.id());
            Optional<Alert> again = alerts().resume("u1", alert.id());

            assertThat(resumed).contains(alert);
            assertThat(again).contains(alert);
            assertThat(idsOf(alerts().findCrossed(USD_KRW, rate("1500")))).containsExactly(alert.id());
        }

        @Test
        void resumeReArmsAFiredAlertByHand() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(alert.id(), firing("e1", "1401"));

            assertThat(alerts().resume("u1", alert.id())).get().extracting(Alert::state).isEqualTo(AlertState.ARMED);
            assertThat(idsOf(alerts().findCrossed(USD_KRW, rate("1401")))).containsExactly(alert.id());
        }

        @Test
        void pausingAFiredRearmAlertTakesItOutOfRearming() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            alerts().markFired(alert.id(), firing("e1", "1401"));

            alerts().pause("u1", alert.id());

            assertThat(alerts().findRearmable(USD_KRW, rate("1000"))).isEmpty();
        }

        @Test
        void pauseAllOfPausesTheUsersArmedAndFiredAlertsAndCountsOnlyChanges() {
            Alert armed = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert fired = stored("u1", USD_KRW, Direction.ABOVE, "1300", AlertMode.REARM);
            Alert paused = stored("u1", EUR_USD, Direction.BELOW, "1.05", AlertMode.ONCE);
            Alert someoneElses = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(fired.id(), firing("e1", "1350"));
            alerts().pause("u1", paused.id());

            assertThat(alerts().pauseAllOf("u1")).isEqualTo(2);
            assertThat(alerts().pauseAllOf("u1")).isZero();

            assertThat(alerts().listByOwner("u1")).extracting(Alert::state).containsOnly(AlertState.PAUSED);
            assertThat(alerts().get("u2", someoneElses.id())).get().extracting(Alert::state)
                    .isEqualTo(AlertState.ARMED);
            assertThat(idsOf(alerts().findCrossed(USD_KRW, rate("1500")))).containsExactly(someoneElses.id());
            assertThat(armed.state()).isEqualTo(AlertState.ARMED);
        }
    }

    @Nested
    class FindingCrossedAlerts {

        @Test
        void aboveAlertsAreCrossedFromTheirThresholdUpIncludingEquality() {
            Alert at1390 = stored("u1", USD_KRW, Direction.ABOVE, "1390", AlertMode.ONCE);
            Alert at1400 = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            stored("u3", USD_KRW, Direction.ABOVE, "1400.01", AlertMode.ONCE);

            assertThat(idsOf(alerts().findCrossed(USD_KRW, rate("1400.00")))).containsExactlyInAnyOrder(at1390.id(), at1400.id());
            assertThat(alerts().findCrossed(USD_KRW, rate("1389.99"))).isEmpty();
        }

        @Test
        void belowAlertsAreCrossedFromTheirThresholdDownIncludingEquality() {
            Alert at105 = stored("u1", EUR_USD, Direction.BELOW, "1.05", AlertMode.ONCE);
            Alert at1051 = stored("u2", EUR_USD, Direction.BELOW, "1.051", AlertMode.ONCE);
            stored("u3", EUR_USD, Direction.BELOW, "1.0499", AlertMode.ONCE);

            assertThat(idsOf(alerts().findCrossed(EUR_USD, rate("1.05")))).containsExactlyInAnyOrder(at105.id(), at1051.id());
            assertThat(alerts().findCrossed(EUR_USD, rate("1.0511"))).isEmpty();
        }

        @Test
        void evaluatesOnlyArmedAlertsOfThePairCrossedByTheNewRate() {
            Alert crossed = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert crossedBelow = stored("u1", USD_KRW, Direction.BELOW, "1500", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.BELOW, "1300", AlertMode.ONCE);
            stored("u1", USD_JPY, Direction.ABOVE, "1", AlertMode.ONCE);
            Alert paused = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert fired = stored("u2", USD_KRW, Direction.ABOVE, "1410", AlertMode.REARM);
            alerts().pause("u2", paused.id());
            alerts().markFired(fired.id(), firing("e1", "1410"));

            List<Alert> found = alerts().findCrossed(USD_KRW, rate("1420"));

            assertThat(found).allSatisfy(a -> {
                assertThat(a.state()).isEqualTo(AlertState.ARMED);
                assertThat(a.pair()).isEqualTo(USD_KRW);
                assertThat(a.firesAt(rate("1420"))).isTrue();
            });
            assertThat(found).extracting(Alert::id).containsExactlyInAnyOrder(crossed.id(), crossedBelow.id());
        }

        @Test
        void returnsEveryCrossedAlertWhenTheyFillManyPages() throws Exception {
            stores = open(2_000);
            int crossedCount = 1_500;
            List<Alert> crossed = createConcurrently(crossedCount, i -> alertAt("u" + (i % 40), USD_KRW,
                    Direction.ABOVE, new BigDecimal(1000 + (i % 300))));
            createConcurrently(20, i -> alertAt("u" + (i % 40), USD_KRW, Direction.ABOVE, new BigDecimal(1400 + i)));

            List<Alert> found = alerts().findCrossed(USD_KRW, rate("1399.99"));

            assertThat(found).hasSize(crossedCount);
            assertThat(idsOf(found)).isEqualTo(idsOf(crossed));
        }

        private Alert alertAt(String userId, CurrencyPair pair, Direction direction, BigDecimal threshold) {
            return Alert.create(ids.next(), new Owner(userId, chatOf(userId)), pair, direction, threshold,
                    AlertMode.ONCE, null, clock.instant());
        }

        private List<Alert> createConcurrently(int count, java.util.function.IntFunction<Alert> alertNumber)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Alert>> futures = IntStream.range(0, count)
                        .mapToObj(i -> pool.submit(() -> alerts().create(alertNumber.apply(i)))).toList();
                List<Alert> created = new ArrayList<>();
                for (Future<Alert> future : futures) {
                    created.add(future.get());
                }
                return created;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class ReArming {

        @Test
        void aboveRearmAlertRearmsOnlyOnceTheRateFallsBelowTheBand() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM); // boundary 1393
            alerts().markFired(alert.id(), firing("e1", "1400"));

            assertThat(alerts().findRearmable(USD_KRW, rate("1393"))).isEmpty();
            assertThat(idsOf(alerts().findRearmable(USD_KRW, rate("1392.99")))).containsExactly(alert.id());
        }

        @Test
        void belowRearmAlertRearmsOnlyOnceTheRateRisesAboveTheBand() {
            Alert alert = stored("u1", EUR_USD, Direction.BELOW, "1", AlertMode.REARM); // boundary 1.005
            alerts().markFired(alert.id(), firing("e1", "0.99"));

            assertThat(alerts().findRearmable(EUR_USD, rate("1.005"))).isEmpty();
            assertThat(idsOf(alerts().findRearmable(EUR_USD, rate("1.0051")))).containsExactly(alert.id());
        }

        @Test
        void onlyFiredRearmAlertsOfThePairAreRearmable() {
            Alert rearmable = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            Alert once = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM); // still armed
            Alert otherPair = stored("u1", USD_JPY, Direction.ABOVE, "100", AlertMode.REARM);
            Alert belowSide = stored("u1", USD_KRW, Direction.BELOW, "1500", AlertMode.REARM);
            for (Alert a : List.of(rearmable, once, otherPair, belowSide)) {
                alerts().markFired(a.id(), firing("e1", a.threshold().toPlainString()));
            }

            assertThat(idsOf(alerts().findRearmable(USD_KRW, rate("1300")))).containsExactly(rearmable.id());
        }

        @Test
        void rearmPutsAFiredAlertBackIntoCrossingExactlyOnce() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            alerts().markFired(alert.id(), firing("e1", "1400"));

            assertThat(alerts().rearm(alert.id())).isTrue();
            assertThat(alerts().rearm(alert.id())).isFalse();

            assertThat(alerts().findRearmable(USD_KRW, rate("1000"))).isEmpty();
            Alert armed = alerts().get("u1", alert.id()).orElseThrow();
            assertThat(armed.state()).isEqualTo(AlertState.ARMED);
            assertThat(armed.fireCount()).isEqualTo(1);
            assertThat(idsOf(alerts().findCrossed(USD_KRW, rate("1400")))).containsExactly(alert.id());
            assertThat(alerts().markFired(alert.id(), firing("e2", "1400"))).isTrue();
            assertThat(alerts().get("u1", alert.id()).orElseThrow().fireCount()).isEqualTo(2);
        }

        @Test
        void aOnceAlertIsNeverRearmed() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(alert.id(), firing("e1", "1400"));

            assertThat(alerts().rearm(alert.id())).isFalse();
            assertThat(alerts().get("u1", alert.id()).orElseThrow().state()).isEqualTo(AlertState.FIRED);
        }
    }

    @Nested
    class FiringExactlyOnce {

        @Test
        void markFiredRecordsTheFiringAsAPendingPush() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            clock.advance(Duration.ofMinutes(5));
            Firing firing = firing("e1", "1401.5");

            assertThat(alerts().markFired(alert.id(), firing)).isTrue();

            Alert fired = alerts().get("u1", alert.id()).orElseThrow();
            assertThat(fired.state()).isEqualTo(AlertState.FIRED);
            assertThat(fired.lastFiring()).isEqualTo(firing);
            assertThat(fired.firedAt()).isEqualTo(firing.firedAt());
            assertThat(fired.fireCount()).isEqualTo(1);
            assertThat(fired.pushPending()).isTrue();
            assertThat(fired).isEqualTo(alert.fire(firing));
            assertThat(alerts().findCrossed(USD_KRW, rate("1500"))).isEmpty();
        }

        @Test
        void markFiredSucceedsForExactlyOneOfEightRacingThreads() throws Exception {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

            List<Boolean> results = race(8, () -> alerts().markFired(alert.id(), firing("e" + n.incrementAndGet(), "1401")));

            assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
            assertThat(alerts().get("u1", alert.id()).orElseThrow().fireCount()).isEqualTo(1);
        }

        @Test
        void markFiredWithTheSameEventAgainDoesNothing() throws Exception {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Firing firing = firing("e1", "1401");

            List<Boolean> results = race(8, () -> alerts().markFired(alert.id(), firing));
            boolean repeated = alerts().markFired(alert.id(), firing);

            assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
            assertThat(repeated).isFalse();
            assertThat(alerts().findPendingPushes(10)).hasSize(1);
        }

        @Test
        void markFiredRefusesTheEventThatFiredItLastEvenAfterItReArmed() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            assertThat(alerts().markFired(alert.id(), firing("e1", "1401"))).isTrue();
            alerts().markPushDelivered(alert.id(), "e1");
            assertThat(alerts().rearm(alert.id())).isTrue();

            // e1 delivered again, late: the same publication is told once
            assertThat(alerts().markFired(alert.id(), firing("e1", "1401"))).isFalse();
            assertThat(alerts().get("u1", alert.id()).orElseThrow().state()).isEqualTo(AlertState.ARMED);
            // the same value published again (a new event) is a new crossing
            assertThat(alerts().markFired(alert.id(), firing("e3", "1401"))).isTrue();
            assertThat(alerts().get("u1", alert.id()).orElseThrow().fireCount()).isEqualTo(2);
        }

        @Test
        void markFiredRefusesPausedAndUnknownAlerts() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().pause("u1", alert.id());

            assertThat(alerts().markFired(alert.id(), firing("e1", "1401"))).isFalse();
            assertThat(alerts().markFired("zzzzzzzz", firing("e1", "1401"))).isFalse();
        }
    }

    @Nested
    class PendingPushes {

        @Test
        void listsPendingPushesOldestFiringFirstUpToTheLimit() {
            Alert a = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert b = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert c = stored("u3", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            stored("u4", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE); // never fired
            for (Alert alert : List.of(b, c, a)) {
                clock.advance(Duration.ofSeconds(10));
                alerts().markFired(alert.id(), firing("e-" + alert.id(), "1401"));
            }

            assertThat(alerts().findPendingPushes(10)).extracting(Alert::id).containsExactly(b.id(), c.id(), a.id());
            assertThat(alerts().findPendingPushes(2)).extracting(Alert::id).containsExactly(b.id(), c.id());
        }

        @Test
        void aPushFiredWithADueTimeIsOrderedAndDueByIt() {
            Alert big = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            Alert later = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert small = stored("u3", EUR_USD, Direction.ABOVE, "1.1", AlertMode.ONCE);
            Instant firedAt = clock.instant();
            // A fan-out's pushes are spread over their send slots; a later event's push sorts between them.
            assertThat(alerts().markFired(big, firing("e-big", "1401"), firedAt)).isTrue();
            assertThat(alerts().markFired(later, firing("e-big", "1401"), firedAt.plusSeconds(10))).isTrue();
            assertThat(alerts().markFired(small, firing("e-small", "1.2"), firedAt.plusSeconds(2))).isTrue();

            assertThat(alerts().findPendingPushes(10)).extracting(Alert::id)
                    .containsExactly(big.id(), small.id(), later.id());
            assertThat(alerts().findPendingPushes(firedAt.plusSeconds(5), 10)).extracting(Alert::id)
                    .containsExactly(big.id(), small.id());
            Alert fired = alerts().get("u2", later.id()).orElseThrow();
            assertThat(fired.push().nextAttemptAt()).isEqualTo(firedAt.plusSeconds(10));
            assertThat(fired.lastFiring().firedAt()).isEqualTo(firedAt);
            assertThat(alerts().findRearmable(USD_KRW, rate("1000"))).extracting(Alert::id).containsExactly(big.id());
        }

        @Test
        void markFiredWithADueTimeSucceedsOnceAndOnlyForAnArmedAlert() throws Exception {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert paused = stored("u1", USD_KRW, Direction.ABOVE, "1300", AlertMode.ONCE);
            alerts().pause("u1", paused.id());
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

            List<Boolean> results = race(8, () -> alerts().markFired(alert, firing("e" + n.incrementAndGet(), "1401"),
                    clock.instant()));

            assertThat(results).containsOnlyOnce(true);
            assertThat(alerts().markFired(paused, firing("e9", "1401"), clock.instant())).isFalse();
            Alert unknown = alert("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            assertThat(alerts().markFired(unknown, firing("e9", "1401"), clock.instant())).isFalse();
            assertThat(alerts().get("u1", unknown.id())).isEmpty();
        }

        @Test
        void markPushDeliveredClearsOnlyThePushOfThatEvent() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            alerts().markFired(alert.id(), firing("e1", "1401"));

            assertThat(alerts().markPushDelivered(alert.id(), "other-event")).isFalse();
            assertThat(alerts().findPendingPushes(10)).extracting(Alert::id).containsExactly(alert.id());

            assertThat(alerts().markPushDelivered(alert.id(), "e1")).isTrue();
            assertThat(alerts().markPushDelivered(alert.id(), "e1")).isFalse();
            assertThat(alerts().findPendingPushes(10)).isEmpty();
            Alert delivered = alerts().get("u1", alert.id()).orElseThrow();
            assertThat(delivered.pushPending()).isFalse();
            assertThat(delivered.lastFiring().eventId()).isEqualTo("e1");
            assertThat(delivered.state()).isEqualTo(AlertState.FIRED);
        }

        @Test
        void aStaleDeliveryDoesNotClearTheNextFiringsPush() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            alerts().markFired(alert.id(), firing("e1", "1401"));
            alerts().rearm(alert.id());
            alerts().markFired(alert.id(), firing("e2", "1402"));

            assertThat(alerts().markPushDelivered(alert.id(), "e1")).isFalse();
            assertThat(alerts().findPendingPushes(10)).singleElement()
                    .satisfies(a -> assertThat(a.lastFiring().eventId()).isEqualTo("e2"));
        }
    }

    @Nested
    class PushAttemptsAndDeadLetters {

        @Test
        void aFailedRoundCountsAnAttemptAndMovesThePushBehindNewerOnes() {
            Alert a = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert b = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(a.id(), firing("e-a", "1401"));
            clock.advance(Duration.ofSeconds(10));
            alerts().markFired(b.id(), firing("e-b", "1401"));
            Instant retryAt = clock.instant().plus(Duration.ofMinutes(5));

            assertThat(alerts().recordPushFailure(a.id(), "e-a", retryAt)).isTrue();

            assertThat(alerts().findPendingPushes(clock.instant(), 10)).extracting(Alert::id).containsExactly(b.id());
            assertThat(alerts().findPendingPushes(retryAt, 10)).extracting(Alert::id).containsExactly(b.id(), a.id());
            assertThat(alerts().findPendingPushes(retryAt, 1)).extracting(Alert::id).containsExactly(b.id());
            PushState push = alerts().get("u1", a.id()).orElseThrow().push();
            assertThat(push.attempts()).isEqualTo(1);
            assertThat(push.nextAttemptAt()).isEqualTo(retryAt);
            assertThat(alerts().get("u2", b.id()).orElseThrow().push()).isEqualTo(PushState.due(clock.instant()));
        }

        @Test
        void aFailureOrDeadLetterForAnotherEventOrADeliveredPushChangesNothing() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(alert.id(), firing("e1", "1401"));

            assertThat(alerts().recordPushFailure(alert.id(), "other", clock.instant())).isFalse();
            assertThat(alerts().deadLetterPush(alert.id(), "other", "400", false)).isFalse();
            alerts().markPushDelivered(alert.id(), "e1");
            assertThat(alerts().recordPushFailure(alert.id(), "e1", clock.instant())).isFalse();
            assertThat(alerts().deadLetterPush(alert.id(), "e1", "400", false)).isFalse();
            assertThat(alerts().findDeadLetters(10)).isEmpty();
        }

        @Test
        void aDeadLetteredPushIsNeverPendingAgainAndIsListedWithItsReasonNewestFirst() {
            Alert tooLong = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert unknown = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(tooLong.id(), firing("e1", "1401"));
            clock.advance(Duration.ofSeconds(10));
            alerts().markFired(unknown.id(), firing("e2", "1401"));

            assertThat(alerts().deadLetterPush(tooLong.id(), "e1", "400 Bad Request: message is too long", false)).isTrue();
            assertThat(alerts().deadLetterPush(tooLong.id(), "e1", "again", false)).isFalse();
            assertThat(alerts().deadLetterPush(unknown.id(), "e2", "no answer: timeout", true)).isTrue();

            assertThat(alerts().findPendingPushes(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
            assertThat(alerts().markPushDelivered(tooLong.id(), "e1")).isFalse();
            assertThat(alerts().findDeadLetters(10)).extracting(Alert::id).containsExactly(unknown.id(), tooLong.id());
            assertThat(alerts().findDeadLetters(1)).extracting(Alert::id).containsExactly(unknown.id());
            Alert dead = alerts().get("u1", tooLong.id()).orElseThrow();
            assertThat(dead.pushPending()).isFalse();
            assertThat(dead.push().deadLetter()).isEqualTo("400 Bad Request: message is too long");
            assertThat(dead.push().outcomeUnknown()).isFalse();
            assertThat(alerts().get("u2", unknown.id()).orElseThrow().push().outcomeUnknown()).isTrue();
        }

        @Test
        void firingAgainStartsAFreshPushAndLeavesTheDeadLetterList() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            alerts().markFired(alert.id(), firing("e1", "1401"));
            alerts().recordPushFailure(alert.id(), "e1", clock.instant());
            alerts().deadLetterPush(alert.id(), "e1", "retries exhausted", false);
            alerts().rearm(alert.id());
            clock.advance(Duration.ofMinutes(1));

            assertThat(alerts().markFired(alert.id(), firing("e2", "1402"))).isTrue();

            assertThat(alerts().findDeadLetters(10)).isEmpty();
            assertThat(alerts().findPendingPushes(clock.instant(), 10)).singleElement().satisfies(a -> {
                assertThat(a.lastFiring().eventId()).isEqualTo("e2");
                assertThat(a.push()).isEqualTo(PushState.due(clock.instant()));
            });
        }

        // Quiet hours (issue 15): a held push stays pending, due at the quiet end, without counting an attempt.
        @Test
        void aHeldPushStaysPendingDueAtTheQuietEndWithoutCountingAnAttempt() {
            Alert held = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert other = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(held.id(), firing("e1", "1401"));
            alerts().markFired(other.id(), firing("e1", "1401"));
            Instant quietEnd = clock.instant().plus(Duration.ofHours(7));

            assertThat(alerts().holdPush(held.id(), "other-event", quietEnd)).isFalse();
            assertThat(alerts().holdPush(held.id(), "e1", quietEnd)).isTrue();

            assertThat(alerts().findPendingPushes(clock.instant(), 10)).extracting(Alert::id).containsExactly(other.id());
            assertThat(alerts().findPendingPushes(quietEnd, 10)).extracting(Alert::id)
                    .containsExactly(other.id(), held.id());
            Alert stored = alerts().get("u1", held.id()).orElseThrow();
            assertThat(stored.push()).isEqualTo(new PushState(0, quietEnd, false, null));
            assertThat(stored.pushPending()).isTrue();
            assertThat(alerts().markPushDelivered(held.id(), "e1")).isTrue();
            assertThat(alerts().holdPush(held.id(), "e1", quietEnd)).isFalse();
            assertThat(alerts().findPendingPushes(quietEnd, 10)).extracting(Alert::id).containsExactly(other.id());
        }

        // --- quiet hours released (issue 15, branch quiet15b): /quiet off or new hours make held pushes due ---
        @Test
        void releasingMovesOnlyTheOwnersPushesHeldUntilThatQuietEndWithoutCountingAnAttempt() {
            Alert held = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert heldToo = stored("u1", USD_KRW, Direction.ABOVE, "1399", AlertMode.ONCE);
            Alert retried = stored("u1", USD_KRW, Direction.ABOVE, "1398", AlertMode.ONCE);
            Alert snoozed = stored("u1", USD_KRW, Direction.ABOVE, "1397", AlertMode.ONCE);
            Alert delivered = stored("u1", USD_KRW, Direction.ABOVE, "1396", AlertMode.ONCE);
            Alert othersHeld = stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            for (Alert alert : List.of(held, heldToo, retried, snoozed, delivered, othersHeld)) {
                alerts().markFired(alert.id(), firing("e1", "1401"));
            }
            Instant quietEnd = clock.instant().plus(Duration.ofHours(7));
            for (Alert alert : List.of(held, heldToo, snoozed, delivered, othersHeld)) {
                alerts().holdPush(alert.id(), "e1", quietEnd);
            }
            Instant retryAt = clock.instant().plus(Duration.ofMinutes(2));
            alerts().recordPushFailure(retried.id(), "e1", retryAt); // a failed round, not a held push
            Instant snoozeEnd = clock.instant().plus(Duration.ofHours(1));
            alerts().snooze("u1", snoozed.id(), snoozeEnd); // the held push stays at the later quiet end
            alerts().markPushDelivered(delivered.id(), "e1");
            Instant now = clock.instant();

            assertThat(alerts().releaseHeldPushes("u1", quietEnd.minusSeconds(60), now)).as("another quiet end").isZero();
            assertThat(alerts().releaseHeldPushes("u1", quietEnd, now)).isEqualTo(3);

            assertThat(alerts().findPendingPushes(now, 10)).extracting(Alert::id)
                    .containsExactlyInAnyOrder(held.id(), heldToo.id());
            assertThat(alerts().get("u1", held.id()).orElseThrow().push()).isEqualTo(PushState.due(now));
            assertThat(alerts().get("u1", snoozed.id()).orElseThrow().push().nextAttemptAt())
                    .as("a snoozed alert's push waits for the snooze's end").isEqualTo(snoozeEnd);
            assertThat(alerts().get("u1", retried.id()).orElseThrow().push()).isEqualTo(new PushState(1, retryAt, false, null));
            assertThat(alerts().get("u1", delivered.id()).orElseThrow().pushPending()).as("never pending again").isFalse();
            assertThat(alerts().get("u2", othersHeld.id()).orElseThrow().push().nextAttemptAt()).isEqualTo(quietEnd);
            assertThat(alerts().releaseHeldPushes("u1", quietEnd, now)).as("nothing is released twice").isZero();
        }

        @Test
        void concurrentReleasesMoveEachHeldPushOnceAndNeverRevivedADeliveredOne() throws Exception {
            Alert first = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert second = stored("u1", USD_KRW, Direction.ABOVE, "1399", AlertMode.ONCE);
            Instant quietEnd = clock.instant().plus(Duration.ofHours(7));
            for (Alert alert : List.of(first, second)) {
                alerts().markFired(alert.id(), firing("e1", "1401"));
                alerts().holdPush(alert.id(), "e1", quietEnd);
            }
            Instant now = clock.instant();
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

            List<Integer> released = race(8, () -> n.incrementAndGet() % 4 == 0
                    ? (alerts().markPushDelivered(second.id(), "e1") ? -1 : 0)
                    : alerts().releaseHeldPushes("u1", quietEnd, now));

            int delivered = (int) released.stream().filter(r -> r == -1).count();
            int moved = released.stream().filter(r -> r > 0).mapToInt(Integer::intValue).sum();
            assertThat(delivered).isEqualTo(1);
            assertThat(moved).as("each held push moved by one racer at most").isBetween(1, 2);
            assertThat(alerts().findPendingPushes(AlertStore.LATEST, 10)).extracting(Alert::id).containsExactly(first.id());
            assertThat(alerts().get("u1", first.id()).orElseThrow().push()).isEqualTo(PushState.due(now));
            assertThat(alerts().get("u1", second.id()).orElseThrow().pushPending()).isFalse();
        }
        // --- end quiet hours released ---

        @Test
        void deliveryAndDeadLetterRacingEndThePushExactlyOnce() throws Exception {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(alert.id(), firing("e1", "1401"));
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

            List<Boolean> results = race(8, () -> n.incrementAndGet() % 2 == 0
                    ? alerts().markPushDelivered(alert.id(), "e1")
                    : alerts().deadLetterPush(alert.id(), "e1", "400", false));

            assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
            assertThat(alerts().findPendingPushes(clock.instant(), 10)).isEmpty();
        }
    }

    @Nested
    class OperatorViews {

        @Test
        void watchedPairsAreThoseOfArmedOrFiredAlerts() {
            stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert fired = stored("u1", EUR_USD, Direction.BELOW, "1.05", AlertMode.ONCE);
            Alert paused = stored("u1", USD_JPY, Direction.ABOVE, "160", AlertMode.ONCE);
            Alert deleted = stored("u2", CurrencyPair.of("GBP", "USD"), Direction.ABOVE, "1.3", AlertMode.ONCE);
            alerts().markFired(fired.id(), firing("e1", "1.04"));
            alerts().pause("u1", paused.id());
            alerts().delete("u2", deleted.id());

            assertThat(alerts().watchedPairs()).containsExactlyInAnyOrder(USD_KRW, EUR_USD);
        }

        @Test
        void watchedPairsIsEmptyWithoutAlerts() {
            assertThat(alerts().watchedPairs()).isEmpty();
        }

        @Test
        void countsAlertsByState() {
            stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            stored("u2", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Alert fired = stored("u1", EUR_USD, Direction.BELOW, "1.05", AlertMode.ONCE);
            Alert paused = stored("u3", USD_JPY, Direction.ABOVE, "160", AlertMode.ONCE);
            alerts().markFired(fired.id(), firing("e1", "1.04"));
            alerts().pause("u3", paused.id());

            assertThat(alerts().countByState()).isEqualTo(Map.of(
                    AlertState.ARMED, 2L, AlertState.FIRED, 1L, AlertState.PAUSED, 1L, AlertState.EXPIRED, 0L));
        }

        @Test
        void countsZeroForEveryStateWhenEmpty() {
            assertThat(alerts().countByState()).isEqualTo(Map.of(
                    AlertState.ARMED, 0L, AlertState.FIRED, 0L, AlertState.PAUSED, 0L, AlertState.EXPIRED, 0L));
        }

        @Test
        void listFiltersByPairAndStateAndPagesThroughEverythingOnce() {
            stores = open(100);
            Set<String> armedUsdKrw = new HashSet<>();
            for (int i = 0; i < 23; i++) {
                armedUsdKrw.add(stored("u" + (i % 3), USD_KRW, Direction.ABOVE, "1" + i, AlertMode.ONCE).id());
            }
            Alert paused = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().pause("u1", paused.id());
            for (int i = 0; i < 7; i++) {
                stored("u1", EUR_USD, Direction.ABOVE, "1." + i, AlertMode.ONCE);
            }

            List<Alert> all = pageThrough(null, null, 4);
            List<Alert> armedKrw = pageThrough(USD_KRW, AlertState.ARMED, 5);

            assertThat(all).hasSize(31).extracting(Alert::id).doesNotHaveDuplicates();
            assertThat(armedKrw).hasSize(23).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(armedUsdKrw);
            assertThat(pageThrough(null, AlertState.PAUSED, 100)).extracting(Alert::id).containsExactly(paused.id());
            assertThat(pageThrough(EUR_USD, null, 7)).hasSize(7)
                    .allSatisfy(a -> assertThat(a.pair()).isEqualTo(EUR_USD));
        }

        @Test
        void listOfAnEmptyStoreIsOneEmptyPage() {
            AlertPage page = alerts().list(new AlertQuery(null, null, null, 10));

            assertThat(page.items()).isEmpty();
            assertThat(page.nextCursor()).isNull();
        }

        @Test
        void listRefusesACursorItDidNotIssue() {
            assertThatThrownBy(() -> alerts().list(new AlertQuery(null, null, "not a cursor!", 10)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void listRefusesAForgedOrEditedCursorAndOneFromAnotherListing() {
            Alert first = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.ABOVE, "1410", AlertMode.ONCE);
            stored("u1", USD_KRW, Direction.ABOVE, "1420", AlertMode.ONCE);
            String issued = alerts().list(new AlertQuery(USD_KRW, null, null, 1)).nextCursor();
            String edited = (issued.charAt(0) == 'A' ? "B" : "A") + issued.substring(1);
            String plainId = first.id();
            String encodedId = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("after:" + first.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(alerts().list(new AlertQuery(USD_KRW, null, issued, 1)).items()).hasSize(1);
            for (String forged : List.of(plainId, encodedId, edited)) {
                assertThatThrownBy(() -> alerts().list(new AlertQuery(USD_KRW, null, forged, 1)))
                        .as(forged).isInstanceOf(InvalidInputException.class);
            }
            assertThatThrownBy(() -> alerts().list(new AlertQuery(EUR_USD, null, issued, 1)))
                    .as("a cursor of another filter").isInstanceOf(InvalidInputException.class);
        }

        private List<Alert> pageThrough(CurrencyPair pair, AlertState state, int pageSize) {
            List<Alert> collected = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                AlertPage page = alerts().list(new AlertQuery(pair, state, cursor, pageSize));
                assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
                page.items().forEach(a -> {
                    if (pair != null) {
                        assertThat(a.pair()).isEqualTo(pair);
                    }
                    if (state != null) {
                        assertThat(a.state()).isEqualTo(state);
                    }
                });
                collected.addAll(page.items());
                cursor = page.nextCursor();
                assertThat(++pages).as("pages").isLessThan(100);
            } while (cursor != null);
            return collected;
        }
    }

    /** Issue 14, actions on the push: snooze and move the target (Alert's Javadoc states the rule). */
    @Nested
    class SnoozeAndMoveTarget {

        @Test
        void aSnoozeIsStoredAndAFiringDuringItIsDueAtItsEnd() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            Instant until = clock.instant().plus(Duration.ofHours(1));

            Alert snoozed = alerts().snooze("u1", alert.id(), until).orElseThrow();

            assertThat(snoozed.snoozedUntil()).isEqualTo(until);
            assertThat(alerts().get("u1", alert.id()).orElseThrow().snoozedUntil()).isEqualTo(until);
            assertThat(alerts().findCrossed(USD_KRW, rate("1401"))).as("it still fires").hasSize(1);
            assertThat(alerts().markFired(alert.id(), firing("e1", "1401"))).isTrue();
            assertThat(alerts().findPendingPushes(clock.instant().plus(Duration.ofMinutes(59)), 10)).isEmpty();
            assertThat(alerts().findPendingPushes(until, 10)).extracting(Alert::id).containsExactly(alert.id());
        }

        @Test
        void aFiringWithADueTimeReadBeforeTheSnoozeIsStillHeldUntilItsEnd() {
            Alert read = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Instant until = clock.instant().plus(Duration.ofDays(1));
            alerts().snooze("u1", read.id(), until);

            // evaluation read the alert before the owner pressed Snooze
            assertThat(alerts().markFired(read, firing("e1", "1401"), clock.instant())).isTrue();

            assertThat(alerts().get("u1", read.id()).orElseThrow().push().nextAttemptAt()).isEqualTo(until);
            assertThat(alerts().findPendingPushes(until.minusSeconds(1), 10)).isEmpty();
        }

        @Test
        void snoozingHoldsAnAlreadyPendingPushAndLeavesAPausedAlertAlone() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().markFired(alert.id(), firing("e1", "1401"));
            Instant until = clock.instant().plus(Duration.ofHours(1));

            alerts().snooze("u1", alert.id(), until);

            assertThat(alerts().findPendingPushes(until.minusSeconds(1), 10)).isEmpty();
            assertThat(alerts().findPendingPushes(until, 10)).extracting(Alert::id).containsExactly(alert.id());
            Alert paused = stored("u1", EUR_USD, Direction.BELOW, "1.05", AlertMode.ONCE);
            alerts().pause("u1", paused.id());
            assertThat(alerts().snooze("u1", paused.id(), until).orElseThrow().snoozedUntil()).isNull();
            assertThat(alerts().snooze("u2", alert.id(), until)).as("another owner's").isEmpty();
        }

        @Test
        void anExpiredSnoozeHoldsNothing() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            alerts().snooze("u1", alert.id(), clock.instant().plus(Duration.ofHours(1)));
            clock.advance(Duration.ofHours(2));

            assertThat(alerts().markFired(alert.id(), firing("e1", "1401"))).isTrue();

            assertThat(alerts().findPendingPushes(clock.instant(), 10)).extracting(Alert::id).containsExactly(alert.id());
        }

        @Test
        void movingTheTargetOfAFiredAlertArmsItAtTheNewThresholdOnly() {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);
            alerts().markFired(alert.id(), firing("e1", "1401"));

            Alert moved = alerts().moveThreshold("u1", alert.id(), rate("1407")).orElseThrow();

            assertThat(moved.state()).isEqualTo(AlertState.ARMED);
            assertThat(moved.threshold()).isEqualByComparingTo("1407");
            assertThat(alerts().get("u1", alert.id()).orElseThrow()).isEqualTo(moved);
            assertThat(alerts().findCrossed(USD_KRW, rate("1406"))).isEmpty();
            assertThat(alerts().findCrossed(USD_KRW, rate("1407"))).extracting(Alert::id).containsExactly(alert.id());
            assertThat(alerts().findRearmable(USD_KRW, rate("1000"))).as("out of re-arming").isEmpty();
            assertThat(alerts().markFired(alert.id(), firing("e2", "1408"))).isTrue();
        }

        @Test
        void movingTheTargetLeavesAPausedAlertAndOtherOwnersAlone() {
            Alert alert = stored("u1", USD_KRW, Direction.BELOW, "1400", AlertMode.ONCE);
            alerts().pause("u1", alert.id());

            assertThat(alerts().moveThreshold("u1", alert.id(), rate("1393")).orElseThrow().threshold())
                    .isEqualByComparingTo("1400");
            assertThat(alerts().moveThreshold("u2", alert.id(), rate("1393"))).isEmpty();
        }

        @Test
        void aSnoozeRacingAFiringLosesNeither() throws Exception {
            Alert alert = stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.ONCE);
            Instant until = clock.instant().plus(Duration.ofHours(1));

            race(2, () -> alerts().snooze("u1", alert.id(), until).isPresent()
                    && alerts().markFired(alert, firing("e1", "1401"), clock.instant()));

            Alert after = alerts().get("u1", alert.id()).orElseThrow();
            assertThat(after.snoozedUntil()).isEqualTo(until);
            assertThat(after.state()).isEqualTo(AlertState.FIRED);
            assertThat(after.push().nextAttemptAt()).isEqualTo(until);
        }
    }

    /** Issue 14, guided creation: one draft per chat, gone after its expiry. */
    @Nested
    class ChatDraftsOfGuidedCreation {

        @Test
        void aDraftIsReadBackStepByStepAndReplacedNotDoubled() {
            ChatDraft started = ChatDraft.start(42L, clock.instant());
            stores.drafts().save(started);
            assertThat(stores.drafts().find(42L)).contains(started);

            ChatDraft paired = started.withPair(USD_KRW, clock.instant());
            stores.drafts().save(paired);
            ChatDraft directed = paired.withDirection(Direction.BELOW, clock.instant());
            stores.drafts().save(directed);

            assertThat(stores.drafts().find(42L)).contains(directed);
            assertThat(stores.drafts().find(43L)).as("another chat").isEmpty();
        }

        @Test
        void aDraftIsGoneAtItsExpiryAndWhenCleared() {
            stores.drafts().save(ChatDraft.start(42L, clock.instant()).withPair(EUR_USD, clock.instant()));
            stores.drafts().save(ChatDraft.start(43L, clock.instant()));

            stores.drafts().clear(43L);
            assertThat(stores.drafts().find(43L)).isEmpty();
            clock.advance(ChatDraft.LIFETIME.minusSeconds(1));
            assertThat(stores.drafts().find(42L)).isPresent();
            clock.advance(Duration.ofSeconds(1));
            assertThat(stores.drafts().find(42L)).isEmpty();
            stores.drafts().save(ChatDraft.start(42L, clock.instant()));
            assertThat(stores.drafts().find(42L)).as("a new draft after an expired one").isPresent();
        }

        @Test
        void draftsAreNoRatesOrPairsOfInterest() {
            stores.drafts().save(ChatDraft.start(42L, clock.instant()).withPair(USD_KRW, clock.instant()));

            assertThat(stores.rateHistory().latest(USD_KRW)).isEmpty();
            assertThat(stores.alerts().watchedPairs()).isEmpty();
        }
    }

    @Nested
    class Users {

        private UserStore users() {
            return stores.users();
        }

        @Test
        void linkingANewChatCreatesAnActiveUser() {
            User user = users().linkChat(42L, "Mina", "ko");

            assertThat(user.chatId()).isEqualTo(42L);
            assertThat(user.displayName()).isEqualTo("Mina");
            assertThat(user.language()).isEqualTo("ko");
            assertThat(user.active()).isTrue();
            assertThat(user.createdAt()).isEqualTo(START);
            assertThat(users().findByChatId(42L)).contains(user);
            assertThat(users().findById(user.id())).contains(user);
        }

        @Test
        void anUpgradedGroupMovesItsUserAndAlertsToTheNewChat() {
            User group = users().linkChat(-42L, "Team", "en");
            User other = users().linkChat(77L, "Mina", "ko");
            Alert alert = alerts().create(Alert.create("grpalert", new Owner(group.id(), -42L), USD_KRW,
                    Direction.ABOVE, new BigDecimal("1400"), AlertMode.ONCE, null, clock.instant()));

            assertThat(users().moveChat(group.id(), -1000000000042L)).isTrue();
            assertThat(alerts().moveChat(group.id(), -1000000000042L)).isEqualTo(1);

            assertThat(users().findByChatId(-1000000000042L)).get().extracting(User::id).isEqualTo(group.id());
            assertThat(users().findById(group.id())).get().extracting(User::chatId).isEqualTo(-1000000000042L);
            assertThat(users().findByChatId(-42L)).isEmpty();
            assertThat(alerts().get(group.id(), alert.id())).get()
                    .satisfies(a -> assertThat(a.owner().chatId()).isEqualTo(-1000000000042L));
            assertThat(users().moveChat(group.id(), other.chatId())).as("another user's chat").isFalse();
            assertThat(users().moveChat("no-such-user", -5L)).isFalse();
            assertThat(users().moveChat(group.id(), -1000000000042L)).as("already there").isTrue();
            assertThat(users().findByChatId(77L)).get().extracting(User::id).isEqualTo(other.id());
        }

        // Group alerts that belong to the group (issue 16): the bot and delivery move and pause through ChatChanges.
        @Test
        void chatChangesMoveAGroupWithItsAlertsAndPauseAGoneOne() {
            User group = users().linkChat(-43L, "Team", "en");
            User other = users().linkChat(78L, "Mina", "ko");
            Alert armed = alerts().create(Alert.create("grpalrt1", new Owner(group.id(), -43L), USD_KRW,
                    Direction.ABOVE, new BigDecimal("1400"), AlertMode.REARM, null, clock.instant()));
            Alert paused = alerts().create(Alert.create("grpalrt2", new Owner(group.id(), -43L), USD_KRW,
                    Direction.BELOW, new BigDecimal("1300"), AlertMode.ONCE, null, clock.instant()));
            alerts().pause(group.id(), paused.id());

            assertThat(ChatChanges.moveChat(users(), alerts(), group.id(), other.chatId())).as("taken").isFalse();
            assertThat(alerts().listByOwner(group.id())).extracting(a -> a.owner().chatId()).containsOnly(-43L);
            assertThat(ChatChanges.moveChat(users(), alerts(), group.id(), -1000000000043L)).isTrue();
            assertThat(ChatChanges.moveChat(users(), alerts(), group.id(), -1000000000043L)).as("again").isTrue();
            assertThat(alerts().listByOwner(group.id())).extracting(a -> a.owner().chatId())
                    .containsOnly(-1000000000043L);
            assertThat(users().findByChatId(-1000000000043L)).get().extracting(User::id).isEqualTo(group.id());

            assertThat(ChatChanges.chatGone(users(), alerts(), group.id())).isEqualTo(1);
            assertThat(users().findById(group.id())).get().extracting(User::active).isEqualTo(false);
            assertThat(alerts().get(group.id(), armed.id())).get().extracting(Alert::state).isEqualTo(AlertState.PAUSED);
            assertThat(ChatChanges.chatGone(users(), alerts(), group.id())).as("nothing left to pause").isZero();
        }

        @Test
        void linkingTheSameChatAgainReturnsTheSameUser() {
            User first = users().linkChat(42L, "Mina", "ko");
            clock.advance(Duration.ofDays(1));

            assertThat(users().linkChat(42L, "Mina", "ko")).isEqualTo(first);
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(1, 0));
        }

        @Test
        void concurrentLinksOfOneChatYieldOneUser() throws Exception {
            List<User> linked = race(8, () -> users().linkChat(77L, "Jae", "en"));

            assertThat(linked).extracting(User::id).containsOnly(linked.get(0).id());
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(1, 0));
            assertThat(users().listActive(null, 10)).hasSize(1);
        }

        @Test
        void unknownUsersAndChatsAreNotFound() {
            assertThat(users().findByChatId(1L)).isEmpty();
            assertThat(users().findById("nobody")).isEmpty();
            assertThat(users().deactivate("nobody")).isFalse();
        }

        @Test
        void aChosenLanguageIsStoredOnTheUser() {
            User user = users().linkChat(42L, "Mina", "en");

            assertThat(users().setLanguage(user.id(), "ko")).isTrue();

            assertThat(users().findById(user.id())).map(User::language).contains("ko");
            assertThat(users().findByChatId(42L)).map(User::language).contains("ko");
            assertThat(users().setLanguage("nobody", "ko")).isFalse();
            assertThat(users().findById("nobody")).isEmpty();
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(1, 0));
        }

        @Test
        void aChosenTimezoneIsStoredOnTheUserAndKeptWhenTheUserComesBack() {
            User user = users().linkChat(42L, "Mina", "ko");
            assertThat(user.timezone()).isNull();
            assertThat(user.zone()).isEqualTo(java.time.ZoneId.of("UTC"));

            assertThat(users().setTimezone(user.id(), "Asia/Seoul")).isTrue();
            users().deactivate(user.id());
            User back = users().linkChat(42L, "Mina", "ko");

            assertThat(back.timezone()).isEqualTo("Asia/Seoul");
            assertThat(users().findById(user.id())).map(User::zone).contains(java.time.ZoneId.of("Asia/Seoul"));
            assertThat(users().setTimezone("nobody", "Asia/Seoul")).isFalse();
            assertThat(users().findById("nobody")).isEmpty();
        }

        // Quiet hours and digest (issue 15)
        @Test
        void quietHoursAndDigestTimeAreStoredOnTheUserRemovedWithNullAndKeptWhenTheUserComesBack() {
            User user = users().linkChat(42L, "Mina", "ko");
            assertThat(user.quietHours()).isNull();
            assertThat(user.digestTime()).isNull();

            assertThat(users().setQuietHours(user.id(), "23:00-07:00")).isTrue();
            assertThat(users().setDigestTime(user.id(), "08:30")).isTrue();
            users().deactivate(user.id());
            User back = users().linkChat(42L, "Mina", "ko");

            assertThat(back.quietHours()).isEqualTo("23:00-07:00");
            assertThat(back.digestTime()).isEqualTo("08:30");
            assertThat(users().findByIds(List.of(user.id())).get(user.id()).quietHours()).isEqualTo("23:00-07:00");
            assertThat(users().setQuietHours(user.id(), null)).isTrue();
            assertThat(users().findById(user.id())).map(User::quietHours).isEmpty();
            assertThat(users().findById(user.id())).map(User::digestTime).contains("08:30");
            assertThat(users().setDigestTime(user.id(), null)).isTrue();
            assertThat(users().findById(user.id())).map(User::digestTime).isEmpty();
            assertThat(users().setQuietHours("nobody", "23:00-07:00")).isFalse();
            assertThat(users().setDigestTime("nobody", "08:30")).isFalse();
            assertThat(users().findById("nobody")).isEmpty();
        }

        @Test
        void aDigestIsClaimedOncePerUserAndDateEvenUnderRaces() throws Exception {
            User user = users().linkChat(42L, "Mina", "ko");
            java.time.LocalDate monday = java.time.LocalDate.parse("2026-11-23");

            List<Boolean> results = race(8, () -> users().claimDigest(user.id(), monday));

            assertThat(results).containsOnlyOnce(true);
            assertThat(users().claimDigest(user.id(), monday)).isFalse();
            assertThat(users().claimDigest(user.id(), monday.minusDays(1))).as("an older date").isFalse();
            assertThat(users().claimDigest(user.id(), monday.plusDays(1))).isTrue();
            assertThat(users().claimDigest("nobody", monday)).isFalse();
            assertThat(users().findById("nobody")).isEmpty();
        }

        // Digest batches (issue 15): the users of one digest time, paged by id
        @Test
        void listByDigestTimePagesThroughTheActiveUsersOfOneDigestTimeOrderedById() {
            List<String> at0830 = new ArrayList<>();
            for (long chat = 1; chat <= 12; chat++) {
                User user = users().linkChat(chat, "user " + chat, "en");
                // every third at another time, one without a digest
                String time = chat % 3 == 0 ? "09:00" : "08:30";
                if (chat != 5) {
                    users().setDigestTime(user.id(), time);
                }
                if (chat == 4) {
                    users().setTimezone(user.id(), "Asia/Seoul"); // any zone: the time is local
                }
                if (chat != 5 && time.equals("08:30")) {
                    at0830.add(user.id());
                }
            }
            String inactive = at0830.get(1);
            users().deactivate(inactive);
            String turnedOff = at0830.get(3);
            users().setDigestTime(turnedOff, null);
            List<String> expected = at0830.stream().filter(id -> !id.equals(inactive) && !id.equals(turnedOff))
                    .sorted().toList();

            List<String> paged = new ArrayList<>();
            String after = null;
            List<User> page;
            do {
                page = users().listByDigestTime("08:30", after, 2);
                assertThat(page.size()).isLessThanOrEqualTo(2);
                page.forEach(user -> assertThat(user.digestTime()).isEqualTo("08:30"));
                page.forEach(user -> assertThat(user.active()).isTrue());
                page.forEach(user -> paged.add(user.id()));
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (!page.isEmpty());

            assertThat(paged).containsExactlyElementsOf(expected).hasSize(5);
            assertThat(users().listByDigestTime("09:00", null, 10)).hasSize(4);
            assertThat(users().listByDigestTime("07:00", null, 10)).isEmpty();
            assertThat(users().listByDigestTime("08:30", null, 10)).extracting(User::zone)
                    .contains(java.time.ZoneId.of("Asia/Seoul"));
            users().reactivate(inactive);
            assertThat(users().listByDigestTime("08:30", null, 10)).extracting(User::id).contains(inactive);
        }

        @Test
        void findByIdsReadsManyUsersAtOnceAndSkipsUnknownOnes() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 230; i++) { // more than one BatchGetItem (100 keys) and than H2's IN chunk needs
                ids.add(users().linkChat(5000L + i, "user " + i, i % 2 == 0 ? "en" : "ko").id());
            }
            users().deactivate(ids.get(7));
            List<String> asked = new ArrayList<>(ids);
            asked.add("nobody");
            asked.add(ids.get(0)); // asked twice, read once

            Map<String, User> found = users().findByIds(asked);

            assertThat(found).hasSize(230).doesNotContainKey("nobody");
            assertThat(found.get(ids.get(3))).isEqualTo(users().findById(ids.get(3)).orElseThrow());
            assertThat(found.get(ids.get(7)).active()).isFalse();
            assertThat(users().findByIds(List.of())).isEmpty();
        }

        @Test
        void deactivateReportsOnlyTheChange() {
            User user = users().linkChat(42L, "Mina", "ko");

            assertThat(users().deactivate(user.id())).isTrue();
            assertThat(users().deactivate(user.id())).isFalse();
            assertThat(users().findById(user.id())).contains(user.deactivated());
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(0, 1));
        }

        @Test
        void aUserWhoBlockedTheBotIsActiveAgainWhenTalkingAgain() {
            User user = users().linkChat(42L, "Mina", "ko");
            users().deactivate(user.id());

            User back = users().linkChat(42L, "Mina", "ko");

            assertThat(back).isEqualTo(user);
            assertThat(users().findByChatId(42L)).contains(user);
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(1, 0));
        }

        @Test
        void listActivePagesThroughActiveUsersOrderedById() {
            List<User> created = new ArrayList<>();
            for (long chat = 1; chat <= 12; chat++) {
                created.add(users().linkChat(chat, "user " + chat, "en"));
            }
            users().deactivate(created.get(3).id());
            users().deactivate(created.get(7).id());

            List<User> listed = new ArrayList<>();
            String after = null;
            List<User> page;
            do {
                page = users().listActive(after, 4);
                assertThat(page.size()).isLessThanOrEqualTo(4);
                listed.addAll(page);
                after = page.isEmpty() ? null : page.get(page.size() - 1).id();
            } while (page.size() == 4);

            List<String> expected = created.stream().filter(u -> u != created.get(3) && u != created.get(7))
                    .map(User::id).sorted().toList();
            assertThat(listed).extracting(User::id).containsExactlyElementsOf(expected);
            assertThat(listed).allSatisfy(u -> assertThat(u.active()).isTrue());
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(10, 2));
        }
    }

    @Nested
    class OperatorActions {

        private UserStore users() {
            return stores.users();
        }

        @Test
        void reactivateReportsOnlyTheChange() {
            User user = users().linkChat(42L, "Mina", "ko");

            assertThat(users().reactivate(user.id())).as("already active").isFalse();
            users().deactivate(user.id());
            assertThat(users().reactivate(user.id())).isTrue();
            assertThat(users().reactivate(user.id())).isFalse();
            assertThat(users().reactivate("nobody")).isFalse();
            assertThat(users().findById(user.id())).contains(user);
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(1, 0));
            assertThat(users().listActive(null, 10)).containsExactly(user);
        }

        @Test
        void searchFindsByChatIdOrByNameIgnoringCaseOrderedByName() {
            User mina = users().linkChat(42L, "Mina Park", "ko");
            User minho = users().linkChat(-1001L, "minho", "ko");
            User jae = users().linkChat(7L, "Jae 42%", "en");
            users().deactivate(minho.id());

            assertThat(users().search("MIN", 10)).containsExactly(mina, minho.deactivated());
            assertThat(users().search("42", 10)).as("chat id or name").containsExactly(jae, mina);
            assertThat(users().search("-1001", 10)).containsExactly(minho.deactivated());
            assertThat(users().search("%", 10)).as("no wildcards").containsExactly(jae);
            assertThat(users().search("_", 10)).isEmpty();
            assertThat(users().search("min", 1)).containsExactly(mina);
            assertThat(users().search("nobody", 10)).isEmpty();
            assertThat(users().search("  ", 10)).isEmpty();
        }

        @Test
        void searchAndCountsSeeNoAuditEntries() {
            User mina = users().linkChat(42L, "Mina", "ko");
            stores.audit().append(new AuditEntry("e1", START, "user.deactivate", "user", mina.id(), "Mina"));

            assertThat(users().search("Mina", 10)).containsExactly(mina);
            assertThat(users().counts()).isEqualTo(new UserStore.UserCounts(1, 0));
            assertThat(users().listActive(null, 10)).containsExactly(mina);
        }

        @Test
        void findByIdFindsAnyOwnersAlert() {
            Alert alert = alerts().create(Alert.create("anyalert", new Owner("u1", 1L), USD_KRW, Direction.ABOVE,
                    new BigDecimal("1400"), AlertMode.ONCE, null, clock.instant()));

            assertThat(alerts().findById(alert.id())).contains(alert);
            assertThat(alerts().findById("nosuchalert")).isEmpty();
            alerts().delete("u1", alert.id());
            assertThat(alerts().findById(alert.id())).isEmpty();
        }

        @Test
        void theAuditLogPagesNewestFirstAcrossEntriesOfTheSameInstant() {
            List<AuditEntry> appended = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                // Two entries per instant: ties are broken by id, descending.
                AuditEntry entry = new AuditEntry("e" + i, START.plusSeconds(i / 2), "alert.pause", "alert",
                        "a" + i, i % 2 == 0 ? null : "was ARMED");
                stores.audit().append(entry);
                appended.add(entry);
            }

            List<AuditEntry> listed = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                AuditPage page = stores.audit().list(cursor, 3);
                assertThat(page.items().size()).isLessThanOrEqualTo(3);
                listed.addAll(page.items());
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);

            List<AuditEntry> newestFirst = new ArrayList<>(appended);
            java.util.Collections.reverse(newestFirst);
            assertThat(listed).containsExactlyElementsOf(newestFirst);
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void aRepeatedAppendKeepsTheFirstEntry() {
            AuditEntry first = new AuditEntry("e1", START, "user.deactivate", "user", "u1", "2 alerts paused");
            stores.audit().append(first);
            stores.audit().append(new AuditEntry("e1", START.plusSeconds(5), "user.reactivate", "user", "u1", null));

            assertThat(stores.audit().list(null, 10).items()).containsExactly(first);
        }

        @Test
        void concurrentAppendsLoseNoEntry() throws Exception {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            race(8, () -> {
                int n = next.getAndIncrement();
                stores.audit().append(new AuditEntry("race" + n, START, "alert.pause", "alert", "a" + n, null));
                return n;
            });

            assertThat(stores.audit().list(null, 20).items()).extracting(AuditEntry::id)
                    .containsExactly("race7", "race6", "race5", "race4", "race3", "race2", "race1", "race0");
        }

        @Test
        void aForgedOrForeignCursorIsRefused() {
            stores.audit().append(new AuditEntry("e1", START, "alert.pause", "alert", "a1", null));
            stores.audit().append(new AuditEntry("e2", START, "alert.pause", "alert", "a2", null));
            String issued = stores.audit().list(null, 1).nextCursor();
            String alertCursor = AlertCursors.encode("someid", new AlertQuery(null, null, null, 10));

            assertThat(issued).isNotNull();
            assertThat(stores.audit().list(issued, 1).items()).extracting(AuditEntry::id).containsExactly("e1");
            assertThatThrownBy(() -> stores.audit().list("e1", 1)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> stores.audit().list(alertCursor, 1)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> stores.audit().list(issued.substring(1), 1))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void theAuditLogIsEmptyAtFirst() {
            assertThat(stores.audit().list(null, 10)).isEqualTo(new AuditPage(List.of(), null));
        }
    }

    @Nested
    class RateHistoryContract {

        private RateHistory history() {
            return stores.rateHistory();
        }

        private Rate rateAt(CurrencyPair pair, String value, Instant at) {
            return new Rate(pair, new BigDecimal(value), "frankfurter", at);
        }

        @Test
        void appendingTheSameEventTwiceKeepsOneEntry() {
            Rate rate = rateAt(USD_KRW, "1400.5", START);

            history().append(rate, "e1");
            history().append(rate, "e1");

            assertThat(history().recent(USD_KRW, START.minusSeconds(1), 10)).containsExactly(rate);
        }

        @Test
        void latestIsTheMostRecentlyObservedRateOfThePair() {
            history().append(rateAt(USD_KRW, "1399", START), "e1");
            history().append(rateAt(USD_KRW, "1401", START.plusSeconds(120)), "e3");
            history().append(rateAt(USD_KRW, "1400", START.plusSeconds(60)), "e2");
            history().append(rateAt(EUR_USD, "1.08", START.plusSeconds(600)), "e4");

            assertThat(history().latest(USD_KRW)).contains(rateAt(USD_KRW, "1401", START.plusSeconds(120)));
            assertThat(history().latest(USD_JPY)).isEmpty();
        }

        @Test
        void latestPrefersTheLastAppendedAmongEqualObservationTimes() {
            Instant day = Instant.parse("2026-11-24T00:00:00Z");
            history().append(rateAt(USD_KRW, "1390", day.minus(Duration.ofDays(1))), "e0");
            history().append(rateAt(USD_KRW, "1400", day), "e9");
            clock.advance(Duration.ofMinutes(5));
            // The provider corrects the day's rate; its event id sorts before the first one on purpose.
            history().append(rateAt(USD_KRW, "1402.5", day), "e1");

            assertThat(history().latest(USD_KRW)).contains(rateAt(USD_KRW, "1402.5", day));
        }

        @Test
        void aRedeliveredEventKeepsItsPlaceInTheAppendOrder() {
            Instant day = Instant.parse("2026-11-24T00:00:00Z");
            history().append(rateAt(USD_KRW, "1400", day), "e-first");
            clock.advance(Duration.ofMinutes(5));
            history().append(rateAt(USD_KRW, "1402.5", day), "e-correction");
            clock.advance(Duration.ofMinutes(5));
            history().append(rateAt(USD_KRW, "1400", day), "e-first");

            assertThat(history().latest(USD_KRW)).contains(rateAt(USD_KRW, "1402.5", day));
        }

        @Test
        void aValueSeenAgainTheSameProviderDayUnderANewEventIsTheLatest() {
            Instant day = Instant.parse("2026-11-24T00:00:00Z");
            history().append(rateAt(USD_KRW, "1401", day), "e-a");
            clock.advance(Duration.ofMinutes(5));
            history().append(rateAt(USD_KRW, "1390", day), "e-b");
            clock.advance(Duration.ofMinutes(5));
            history().append(rateAt(USD_KRW, "1401", day), "e-a-again");

            assertThat(history().latest(USD_KRW)).contains(rateAt(USD_KRW, "1401", day));
            assertThat(history().latestEntry(USD_KRW))
                    .contains(new RateHistory.Entry(rateAt(USD_KRW, "1401", day), "e-a-again"));
            assertThat(history().recent(USD_KRW, day, 10)).extracting(Rate::value).extracting(BigDecimal::toPlainString)
                    .containsExactly("1401", "1390", "1401");
        }

        @Test
        void latestEntryNamesTheEventOfTheLatestRateAndIsEmptyForAnUnknownPair() {
            history().append(rateAt(USD_KRW, "1399", START.plusSeconds(60)), "e-newer");
            history().append(rateAt(USD_KRW, "1398", START), "e-older-arriving-late");

            assertThat(history().latestEntry(USD_KRW)).map(RateHistory.Entry::eventId).contains("e-newer");
            assertThat(history().latestEntry(USD_JPY)).isEmpty();
        }

        @Test
        void recentCutsRatesOfOneObservationTimeByAppendOrder() {
            Instant day = Instant.parse("2026-11-24T00:00:00Z");
            for (String value : List.of("1400", "1401", "1402")) {
                history().append(rateAt(USD_KRW, value, day), "e-" + (1500 - Integer.parseInt(value)));
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(history().recent(USD_KRW, day, 2)).extracting(Rate::value).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("1402"), new BigDecimal("1401"));
        }

        @Test
        void recentIsNewestFirstSinceTheGivenTimeUpToTheLimit() {
            for (int i = 0; i < 10; i++) {
                history().append(rateAt(USD_KRW, "14" + (10 + i), START.plusSeconds(60L * i)), "e" + i);
            }

            List<Rate> recent = history().recent(USD_KRW, START.plusSeconds(60L * 5), 3);
            List<Rate> sinceFive = history().recent(USD_KRW, START.plusSeconds(60L * 5), 100);

            assertThat(recent).extracting(Rate::observedAt).containsExactly(
                    START.plusSeconds(540), START.plusSeconds(480), START.plusSeconds(420));
            assertThat(sinceFive).hasSize(5).extracting(Rate::observedAt).startsWith(START.plusSeconds(540))
                    .endsWith(START.plusSeconds(300));
            assertThat(recent.get(0).value()).isEqualByComparingTo("1419");
        }

        // --- charts (issue 16): a range of history ---

        @Test
        void betweenIsOldestFirstFromInclusiveToExclusiveForThatPairOnly() {
            for (int i = 0; i < 6; i++) {
                history().append(rateAt(USD_KRW, "14" + (10 + i), START.plus(Duration.ofDays(i))), "e" + i);
            }
            history().append(rateAt(EUR_USD, "1.08", START.plus(Duration.ofDays(2))), "e-other-pair");

            List<Rate> range = history().between(USD_KRW, START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(4)));

            assertThat(range).extracting(Rate::observedAt).containsExactly(
                    START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(3)));
            assertThat(range.get(0).value()).isEqualByComparingTo("1411");
            assertThat(history().between(USD_KRW, START.minus(Duration.ofDays(400)), START)).isEmpty();
            assertThat(history().between(USD_JPY, START, START.plus(Duration.ofDays(10)))).isEmpty();
        }

        @Test
        void betweenKeepsRatesOfOneObservationTimeInAppendOrder() {
            Instant day = Instant.parse("2026-11-24T00:00:00Z");
            history().append(rateAt(USD_KRW, "1390", day.minus(Duration.ofDays(1))), "e-z");
            for (String value : List.of("1400", "1401", "1402")) {
                // event ids sort against the append order on purpose
                history().append(rateAt(USD_KRW, value, day), "e-" + (1500 - Integer.parseInt(value)));
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(history().between(USD_KRW, day.minus(Duration.ofDays(2)), day.plusSeconds(1)))
                    .extracting(Rate::value).extracting(BigDecimal::toPlainString)
                    .containsExactly("1390", "1400", "1401", "1402");
        }

        @Test
        void betweenReadsEveryPageOfALongRange() {
            Instant from = START.minus(Duration.ofDays(3));
            for (int i = 0; i < 72; i++) {
                history().append(rateAt(USD_KRW, "1400." + i, from.plus(Duration.ofHours(i))), "h" + i);
            }

            assertThat(history().between(USD_KRW, from, START)).hasSize(72)
                    .extracting(Rate::observedAt).isSorted();
        }

        @Test
        void pairsOfInterestAreThoseAskedAboutSinceTheGivenTime() {
            history().recordInterest(USD_KRW, START);
            history().recordInterest(EUR_USD, START.plusSeconds(3600));
            history().recordInterest(USD_JPY, START.plusSeconds(7200));
            history().recordInterest(USD_JPY, START); // an older record does not hide the newer one

            assertThat(history().pairsOfInterestSince(START.plusSeconds(3600)))
                    .containsExactlyInAnyOrder(EUR_USD, USD_JPY);
            assertThat(history().pairsOfInterestSince(START)).containsExactlyInAnyOrder(USD_KRW, EUR_USD, USD_JPY);
            assertThat(history().pairsOfInterestSince(START.plusSeconds(7201))).isEmpty();
        }
    }

    @Nested
    class HandledUpdates {

        private UpdateJournal journal() {
            return stores.updateJournal();
        }

        @Test
        void anUpdateIsHandledOnlyOnceMarked() {
            assertThat(journal().wasHandled("tg:1001")).isFalse();

            assertThat(journal().markHandled("tg:1001", clock.instant())).isTrue();

            assertThat(journal().wasHandled("tg:1001")).isTrue();
            assertThat(journal().wasHandled("tg:1002")).as("another id").isFalse();
        }

        @Test
        void markingAgainKeepsTheFirstMarkAndSaysSo() {
            journal().markHandled("tg:1001", clock.instant());
            clock.advance(Duration.ofHours(1));

            assertThat(journal().markHandled("tg:1001", clock.instant())).isFalse();
            assertThat(journal().wasHandled("tg:1001")).isTrue();
        }

        @Test
        void ofConcurrentMarksOfOneIdExactlyOneRecordsIt() throws Exception {
            List<Boolean> recorded = race(8, () -> journal().markHandled("tg:1001", clock.instant()));

            assertThat(recorded).containsOnlyOnce(true).hasSize(8);
            assertThat(journal().wasHandled("tg:1001")).isTrue();
        }

        @Test
        void entriesOlderThanTheRetentionAreForgottenPurgedOrNot() {
            journal().markHandled("tg:old", clock.instant());
            clock.advance(UpdateJournal.RETENTION.minusSeconds(1));
            journal().markHandled("tg:young", clock.instant());

            assertThat(journal().wasHandled("tg:old")).as("one second before expiry").isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(journal().wasHandled("tg:old")).as("expired, not purged yet").isFalse();

            journal().purgeExpired();

            assertThat(journal().wasHandled("tg:old")).isFalse();
            assertThat(journal().wasHandled("tg:young")).isTrue();
            assertThat(journal().markHandled("tg:old", clock.instant())).as("an expired id is new again").isTrue();
            assertThat(journal().wasHandled("tg:old")).isTrue();
        }
    }

    // Issue 17: bank buying/selling rates (RateKind). Each kind is its own series and its own alerts.
    @Nested
    class RateKinds {

        private Alert storedOn(RateKind kind, String userId, Direction direction, String threshold, AlertMode mode) {
            clock.advance(Duration.ofSeconds(1));
            return alerts().create(Alert.create(ids.next(), new Owner(userId, chatOf(userId)), USD_KRW, direction,
                    new BigDecimal(threshold), mode, null, clock.instant(), kind));
        }

        @Test
        void anAlertKeepsItsKindAndOldStyleAlertsAreOnTheMidRate() {
            Alert sell = storedOn(RateKind.BANK_SELL, "u1", Direction.ABOVE, "1480", AlertMode.ONCE);
            Alert mid = stored("u1", USD_KRW, Direction.ABOVE, "1480", AlertMode.ONCE);

            assertThat(alerts().findById(sell.id())).get().extracting(Alert::kind).isEqualTo(RateKind.BANK_SELL);
            assertThat(alerts().findById(mid.id())).get().extracting(Alert::kind).isEqualTo(RateKind.MID);
        }

        @Test
        void aRateOfOneKindCrossesAndReArmsOnlyAlertsOfThatKind() {
            Alert sell = storedOn(RateKind.BANK_SELL, "u1", Direction.ABOVE, "1480", AlertMode.REARM);
            Alert buy = storedOn(RateKind.BANK_BUY, "u2", Direction.ABOVE, "1450", AlertMode.REARM);
            Alert mid = stored("u3", USD_KRW, Direction.ABOVE, "1460", AlertMode.REARM);

            assertThat(alerts().findCrossed(USD_KRW, RateKind.BANK_SELL, rate("1483.18"))).extracting(Alert::id)
                    .containsExactly(sell.id());
            assertThat(alerts().findCrossed(USD_KRW, RateKind.BANK_BUY, rate("1483.18"))).extracting(Alert::id)
                    .containsExactly(buy.id());
            assertThat(alerts().findCrossed(USD_KRW, rate("1483.18"))).extracting(Alert::id).containsExactly(mid.id());
            assertThat(alerts().findCrossed(USD_KRW, RateKind.MID, rate("1483.18"))).extracting(Alert::id)
                    .containsExactly(mid.id());

            assertThat(alerts().markFired(sell.id(), firing("e-sell", "1483.18"))).isTrue();
            assertThat(alerts().findRearmable(USD_KRW, RateKind.MID, rate("1400"))).isEmpty();
            assertThat(alerts().findRearmable(USD_KRW, RateKind.BANK_SELL, rate("1400"))).extracting(Alert::id)
                    .containsExactly(sell.id());
            assertThat(alerts().findCrossed(USD_KRW, RateKind.BANK_SELL, rate("1483.18"))).isEmpty();
        }

        @Test
        void aWatchedBankRateAlertWatchesItsPair() {
            storedOn(RateKind.BANK_SELL, "u1", Direction.ABOVE, "1480", AlertMode.ONCE);

            assertThat(alerts().watchedPairs()).containsExactly(USD_KRW);
        }

        @Test
        void eachKindOfAPairIsItsOwnSeriesInTheHistory() {
            RateHistory history = stores.rateHistory();
            Rate mid = new Rate(USD_KRW, new BigDecimal("1468.5"), "koreaexim", START);
            Rate sell = new Rate(USD_KRW, new BigDecimal("1483.18"), "koreaexim", START, RateKind.BANK_SELL);
            Rate buy = new Rate(USD_KRW, new BigDecimal("1453.82"), "koreaexim", START, RateKind.BANK_BUY);
            history.append(mid, "e-mid");
            history.append(sell, "e-sell");
            history.append(buy, "e-buy");
            Rate laterSell = new Rate(USD_KRW, new BigDecimal("1485"), "koreaexim", START.plusSeconds(60),
                    RateKind.BANK_SELL);
            history.append(laterSell, "e-sell-2");

            assertThat(history.latest(USD_KRW)).contains(mid);
            assertThat(history.latestEntry(USD_KRW, RateKind.MID)).get().extracting(RateHistory.Entry::eventId)
                    .isEqualTo("e-mid");
            assertThat(history.latest(USD_KRW, RateKind.BANK_SELL)).contains(laterSell);
            assertThat(history.latest(USD_KRW, RateKind.BANK_BUY)).contains(buy);
            assertThat(history.latest(EUR_USD, RateKind.BANK_BUY)).isEmpty();
            assertThat(history.recent(USD_KRW, START.minusSeconds(1), 10)).as("the mid rate's series only")
                    .containsExactly(mid);
        }
    }

    // issue 14: percent-move alerts and expiry (branch move14)

    private Alert moveAlert(String userId, CurrencyPair pair, MoveWay way, String percent, Duration window,
                            AlertMode mode) {
        clock.advance(Duration.ofSeconds(1));
        return Alert.createMove(ids.next(), new Owner(userId, chatOf(userId)), pair, new Move(way, window),
                new BigDecimal(percent), mode, null, clock.instant());
    }

    private Alert storedMove(String userId, MoveWay way, String percent, Duration window) {
        return alerts().create(moveAlert(userId, USD_KRW, way, percent, window, AlertMode.REARM));
    }

    private Firing moveFiring(String eventId, String rate, String base) {
        return new Firing(eventId, new BigDecimal(rate), "frankfurter", clock.instant(), clock.instant(),
                new BigDecimal(base));
    }

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);

    @Nested
    class PercentMoves {

        @Test
        void aMoveAlertKeepsItsWayWindowAndPercentAndStaysOutOfTheCrossingIndex() {
            Alert up = storedMove("u1", MoveWay.UP, "1", DAY);

            assertThat(alerts().get("u1", up.id())).contains(up);
            assertThat(alerts().findCrossed(USD_KRW, rate("0.5")))
                    .as("its percent is no threshold: no rate crosses it").isEmpty();
            assertThat(alerts().findCrossed(USD_KRW, rate("1000000"))).isEmpty();
            assertThat(alerts().watchedPairs()).as("ingestion fetches the pair").contains(USD_KRW);
        }

        @Test
        void theWindowRegistryHoldsEachWindowOfThePairOnce() {
            assertThat(alerts().moveWindows(USD_KRW)).isEmpty();
            storedMove("u1", MoveWay.UP, "1", DAY);
            storedMove("u2", MoveWay.DOWN, "2", DAY);
            storedMove("u1", MoveWay.EITHER, "3", WEEK);
            stored("u1", USD_KRW, Direction.ABOVE, "1400", AlertMode.REARM);

            assertThat(alerts().moveWindows(USD_KRW)).containsExactlyInAnyOrder(DAY, WEEK);
            assertThat(alerts().moveWindows(EUR_USD)).isEmpty();
        }

        @Test
        void aMoveFiresTheAlertsOfItsWayAndWindowUpToItsSize() {
            Alert up1 = storedMove("u1", MoveWay.UP, "1", DAY);
            Alert up2 = storedMove("u1", MoveWay.UP, "2", DAY);
            Alert down1 = storedMove("u2", MoveWay.DOWN, "1", DAY);
            Alert either1 = storedMove("u2", MoveWay.EITHER, "1", DAY);
            Alert either05 = storedMove("u3", MoveWay.EITHER, "0.5", DAY);
            Alert weekUp = storedMove("u3", MoveWay.UP, "0.5", WEEK);

            assertThat(idsOf(alerts().findMoved(USD_KRW, DAY, rate("1.2"))))
                    .containsExactlyInAnyOrder(up1.id(), either1.id(), either05.id());
            assertThat(idsOf(alerts().findMoved(USD_KRW, DAY, rate("-1"))))
                    .as("exactly the percent fires").containsExactlyInAnyOrder(down1.id(), either1.id(), either05.id());
            assertThat(idsOf(alerts().findMoved(USD_KRW, DAY, rate("2.5"))))
                    .containsExactlyInAnyOrder(up1.id(), up2.id(), either1.id(), either05.id());
            assertThat(alerts().findMoved(USD_KRW, DAY, rate("0.4"))).isEmpty();
            assertThat(alerts().findMoved(USD_KRW, DAY, rate("0"))).isEmpty();
            assertThat(idsOf(alerts().findMoved(USD_KRW, WEEK, rate("0.6")))).containsExactly(weekUp.id());
            assertThat(alerts().findMoved(EUR_USD, DAY, rate("5"))).isEmpty();
        }

        @Test
        void aFiredMoveAlertLeavesTheMoveIndexKeepsItsBaseAndReArmsUnderHalfItsPercent() {
            Alert up = storedMove("u1", MoveWay.UP, "1", DAY);
            Firing firing = moveFiring("e1", "1400", "1383.1");

            assertThat(alerts().markFired(up, firing, clock.instant())).isTrue();

            Alert fired = alerts().get("u1", up.id()).orElseThrow();
            assertThat(fired.state()).isEqualTo(AlertState.FIRED);
            assertThat(fired.lastFiring().base()).isEqualByComparingTo("1383.1");
            assertThat(fired.lastFiring().movePercent()).isGreaterThan(rate("1.2"));
            assertThat(alerts().findMoved(USD_KRW, DAY, rate("3"))).as("fired, not armed").isEmpty();
            assertThat(alerts().findMoveRearmable(USD_KRW, DAY, rate("0.6"))).as("still above half").isEmpty();
            assertThat(idsOf(alerts().findMoveRearmable(USD_KRW, DAY, rate("0.4")))).containsExactly(up.id());
            assertThat(idsOf(alerts().findMoveRearmable(USD_KRW, DAY, rate("-3")))).as("moved back down")
                    .containsExactly(up.id());

            assertThat(alerts().rearm(up.id())).isTrue();
            assertThat(idsOf(alerts().findMoved(USD_KRW, DAY, rate("1")))).containsExactly(up.id());
        }

        @Test
        void ofTwoEvaluationsOfOneEventExactlyOneFiresAMoveAlert() throws Exception {
            Alert either = storedMove("u1", MoveWay.EITHER, "1", DAY);
            Firing firing = moveFiring("e1", "1383.1", "1400");

            List<Boolean> results = race(8, () -> {
                Alert read = alerts().findMoved(USD_KRW, DAY, firing.movePercent()).stream()
                        .filter(a -> a.id().equals(either.id())).findFirst().orElse(either);
                return alerts().markFired(read, firing, clock.instant());
            });

            assertThat(results).containsOnlyOnce(true).hasSize(8);
            assertThat(alerts().get("u1", either.id()).orElseThrow().fireCount()).isEqualTo(1);
            assertThat(alerts().findPendingPushes(10)).hasSize(1);
        }

        @Test
        void aPausedMoveAlertIsNotFound() {
            Alert up = storedMove("u1", MoveWay.UP, "1", DAY);
            alerts().pause("u1", up.id());

            assertThat(alerts().findMoved(USD_KRW, DAY, rate("5"))).isEmpty();

            alerts().resume("u1", up.id());
            assertThat(idsOf(alerts().findMoved(USD_KRW, DAY, rate("5")))).containsExactly(up.id());
        }
    }

    @Nested
    class Expiry {

        private Alert storedExpiring(String userId, String threshold, Instant expiresAt) {
            return alerts().create(alert(userId, USD_KRW, Direction.ABOVE, threshold, AlertMode.REARM)
                    .expiringAt(expiresAt));
        }

        @Test
        void onlyAlertsWhoseExpiryHasComeAreFoundEarliestFirst() {
            Instant soon = START.plus(Duration.ofDays(1));
            Alert later = storedExpiring("u1", "1400", soon.plusSeconds(60));
            Alert first = storedExpiring("u2", "1401", soon);
            stored("u1", USD_KRW, Direction.ABOVE, "1402", AlertMode.REARM);

            assertThat(alerts().get("u1", later.id()).orElseThrow().expiresAt()).isEqualTo(soon.plusSeconds(60));
            assertThat(alerts().findExpiring(soon.minusSeconds(1), 10)).isEmpty();
            assertThat(alerts().findExpiring(soon, 10)).extracting(Alert::id).containsExactly(first.id());
            assertThat(alerts().findExpiring(soon.plusSeconds(60), 10)).extracting(Alert::id)
                    .containsExactly(first.id(), later.id());
            assertThat(alerts().findExpiring(soon.plusSeconds(60), 1)).extracting(Alert::id)
                    .containsExactly(first.id());
        }

        @Test
        void anExpiredAlertLeavesEveryIndexAndItsNoticeIsOnePendingPush() {
            Instant at = START.plus(Duration.ofDays(1));
            Alert alert = storedExpiring("u1", "1400", at);
            clock.set(at);
            Firing notice = Firing.expiryNotice(alert, at);

            assertThat(alerts().markExpired(alert.id(), notice)).isTrue();
            assertThat(alerts().markExpired(alert.id(), notice)).as("once").isFalse();

            Alert expired = alerts().get("u1", alert.id()).orElseThrow();
            assertThat(expired.state()).isEqualTo(AlertState.EXPIRED);
            assertThat(expired.pushPending()).isTrue();
            assertThat(expired.lastFiring().isExpiryNotice()).isTrue();
            assertThat(alerts().findExpiring(at.plusSeconds(3600), 10)).isEmpty();
            assertThat(alerts().findCrossed(USD_KRW, rate("2000"))).isEmpty();
            assertThat(alerts().watchedPairs()).doesNotContain(USD_KRW);
            assertThat(alerts().findPendingPushes(at, 10)).extracting(Alert::id).containsExactly(alert.id());
            assertThat(alerts().resume("u1", alert.id()).orElseThrow().state())
                    .as("expired is final").isEqualTo(AlertState.EXPIRED);
            assertThat(alerts().pause("u1", alert.id()).orElseThrow().state()).isEqualTo(AlertState.EXPIRED);

            assertThat(alerts().markPushDelivered(alert.id(), notice.eventId())).isTrue();
            assertThat(alerts().findPendingPushes(10)).isEmpty();
        }

        @Test
        void anAlertWithAPendingPushExpiresOnlyOnceThatPushIsDelivered() {
            Instant at = START.plus(Duration.ofDays(1));
            Alert alert = storedExpiring("u1", "1400", at);
            alerts().markFired(alert.id(), firing("e1", "1401"));
            clock.set(at);

            assertThat(alerts().markExpired(alert.id(), Firing.expiryNotice(alert, at))).isFalse();
            assertThat(alerts().findExpiring(at, 10)).as("still to expire").hasSize(1);

            alerts().markPushDelivered(alert.id(), "e1");
            assertThat(alerts().markExpired(alert.id(), Firing.expiryNotice(alert, at))).isTrue();
        }

        @Test
        void ofConcurrentSweepsExactlyOneExpiresTheAlert() throws Exception {
            Instant at = START.plus(Duration.ofDays(1));
            Alert alert = storedExpiring("u1", "1400", at);
            clock.set(at);

            List<Boolean> results = race(8, () -> alerts().markExpired(alert.id(), Firing.expiryNotice(alert, at)));

            assertThat(results).containsOnlyOnce(true).hasSize(8);
        }
    }

    @Nested
    class RateOneWindowAgo {

        private Rate rateAt(String value, Instant at) {
            return new Rate(USD_KRW, new BigDecimal(value), "frankfurter", at);
        }

        @Test
        void theBaseIsTheLatestRateObservedAtOrBeforeTheTime() {
            RateHistory history = stores.rateHistory();
            history.append(rateAt("1380", START), "e1");
            history.append(rateAt("1383.1", START.plusSeconds(3600)), "e2");
            history.append(rateAt("1400", START.plusSeconds(7200)), "e3");

            assertThat(history.atOrBefore(USD_KRW, START.minusSeconds(1))).as("history does not reach back").isEmpty();
            assertThat(history.atOrBefore(USD_KRW, START)).contains(rateAt("1380", START));
            assertThat(history.atOrBefore(USD_KRW, START.plusSeconds(3599))).contains(rateAt("1380", START));
            assertThat(history.atOrBefore(USD_KRW, START.plusSeconds(3600)))
                    .contains(rateAt("1383.1", START.plusSeconds(3600)));
            assertThat(history.atOrBefore(USD_KRW, START.plusSeconds(99_999)))
                    .contains(rateAt("1400", START.plusSeconds(7200)));
            assertThat(history.atOrBefore(EUR_USD, START.plusSeconds(99_999))).isEmpty();
        }

        @Test
        void amongRatesObservedAtTheSameInstantTheLastAppendedIsTheBase() {
            RateHistory history = stores.rateHistory();
            history.append(rateAt("1380", START), "e9");
            clock.advance(Duration.ofSeconds(1));
            history.append(rateAt("1381", START), "e1");

            assertThat(history.atOrBefore(USD_KRW, START.plusSeconds(60))).contains(rateAt("1381", START));
        }
    }
}
