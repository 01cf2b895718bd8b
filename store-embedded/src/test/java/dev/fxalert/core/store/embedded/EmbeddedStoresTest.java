package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What only the embedded adapter promises: a file that survives restarts and index range reads. */
class EmbeddedStoresTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");

    @TempDir
    Path dir;

    private EmbeddedStores open() {
        return EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("data/fx-alert.db"), 50), CLOCK);
    }

    private static Alert alert(String id, User user, Direction direction, String threshold) {
        return Alert.create(id, new Owner(user.id(), user.chatId()), USD_KRW, direction, new BigDecimal(threshold),
                AlertMode.REARM, "rent", NOW);
    }

    @Test
    void keepsUsersAlertsAndRatesAcrossARestart() {
        String userId;
        try (EmbeddedStores stores = open()) {
            User user = stores.users().linkChat(42L, "Mina", "ko");
            userId = user.id();
            stores.alerts().create(alert("aaaaaaaa", user, Direction.ABOVE, "1400.50"));
            stores.alerts().markFired("aaaaaaaa", new Firing("e1", new BigDecimal("1401"), "frankfurter", NOW, NOW));
            stores.rateHistory().append(new Rate(USD_KRW, new BigDecimal("1401"), "frankfurter", NOW), "e1");
        }
        try (EmbeddedStores reopened = open()) {
            assertThat(reopened.users().findByChatId(42L)).get().extracting(User::id, User::language)
                    .containsExactly(userId, "ko");
            Alert alert = reopened.alerts().get(userId, "aaaaaaaa").orElseThrow();
            assertThat(alert.state()).isEqualTo(AlertState.FIRED);
            assertThat(alert.threshold()).isEqualByComparingTo("1400.5");
            assertThat(alert.note()).isEqualTo("rent");
            assertThat(alert.pushPending()).isTrue();
            assertThat(alert.lastFiring().eventId()).isEqualTo("e1");
            assertThat(alert.createdAt()).isEqualTo(NOW);
            assertThat(reopened.rateHistory().latest(USD_KRW)).get().extracting(Rate::value)
                    .satisfies(v -> assertThat(v).isEqualByComparingTo("1401"));
        }
    }

    /**
     * EXPLAINs the adapter's own statements ({@link EmbeddedAlertStore#CROSSED}, {@link EmbeddedAlertStore#REARMABLE},
     * with their real parameters), so a change to the queries that loses the index fails here; a copy of the SQL
     * in this test would not.
     */
    @Test
    void crossingQueriesAreIndexRangeReads() {
        var planner = org.h2.jdbcx.JdbcConnectionPool.create(
                EmbeddedStores.jdbcUrl(dir.resolve("data/fx-alert.db")), "fxalert", "");
        try (EmbeddedStores stores = open()) {
            Jdbc jdbc = new Jdbc(planner);
            // Every condition, the range on the threshold included, is in the index's part of the plan: a range read.
            assertThat(EmbeddedAlertStore.CROSSED).hasSize(2).allSatisfy(statement ->
                    assertThat(indexConditions(plan(jdbc, statement), "ALERTS_CROSSING_BY_KIND")).as(statement)
                            .contains("PAIR = ?1", "RATE_KIND = ?2", "STATE = 'ARMED'", "DIRECTION = '")
                            .containsPattern("THRESHOLD [<>]= \\?3"));
            assertThat(EmbeddedAlertStore.REARMABLE).hasSize(2).allSatisfy(statement ->
                    assertThat(indexConditions(plan(jdbc, statement), "ALERTS_REARM_BY_KIND")).as(statement)
                            .contains("PAIR = ?1", "RATE_KIND = ?2", "STATE = 'FIRED'", "MODE = 'REARM'", "DIRECTION = '")
                            .containsPattern("REARM_BOUNDARY [<>] \\?3"));
        } finally {
            planner.dispose();
        }
    }

    /** What H2 reads through {@code index}: the conditions in its plan comment; fails when another index is used. */
    private static String indexConditions(String plan, String index) {
        int start = plan.indexOf("/* PUBLIC." + index + ":");
        assertThat(start).as("plan uses %s:%n%s", index, plan).isNotNegative();
        return plan.substring(start, plan.indexOf("*/", start));
    }

    private static String plan(Jdbc jdbc, String statement) {
        return jdbc.queryOne("EXPLAIN " + statement, row -> row.getString(1), USD_KRW, "BANK_SELL", new BigDecimal("1400"))
                .orElseThrow();
    }

    @Test
    void exactlyOneOfManyConcurrentEvaluatorsFiresAnAlert() throws Exception {
        try (EmbeddedStores stores = open()) {
            User user = stores.users().linkChat(7L, "Jo", "en");
            stores.alerts().create(alert("bbbbbbbb", user, Direction.BELOW, "1300"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> racers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    racers.add(() -> stores.alerts().markFired("bbbbbbbb",
                            new Firing("e-same", new BigDecimal("1290"), "frankfurter", NOW, NOW)));
                }
                long winners = 0;
                for (Future<Boolean> result : pool.invokeAll(racers)) {
                    winners += result.get() ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
                assertThat(stores.alerts().get(user.id(), "bbbbbbbb").orElseThrow().fireCount()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void appendsEachRateEventOnce() {
        try (EmbeddedStores stores = open()) {
            Rate rate = new Rate(USD_KRW, new BigDecimal("1392.5"), "koreaexim", NOW);
            stores.rateHistory().append(rate, "e1");
            stores.rateHistory().append(rate, "e1");
            assertThat(stores.rateHistory().recent(USD_KRW, NOW.minusSeconds(60), 10)).hasSize(1);
        }
    }
}
