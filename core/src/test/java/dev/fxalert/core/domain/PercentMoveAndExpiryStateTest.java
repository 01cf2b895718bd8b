package dev.fxalert.core.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 14: the percent-move and expiry transitions of {@link Alert}. */
class PercentMoveAndExpiryStateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final Duration DAY = Duration.ofHours(24);

    private static Alert move(MoveWay way, String percent, AlertMode mode) {
        return Alert.createMove("m1", new Owner("u1", 1L), USD_KRW, new Move(way, DAY), new BigDecimal(percent), mode,
                null, NOW);
    }

    private static Firing moveFiring(String rate, String base) {
        return Firing.ofMove("e1", new Rate(USD_KRW, new BigDecimal(rate), "frankfurter", NOW), new BigDecimal(base), NOW);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    @Test
    void eachWayFiresOnItsSideOfTheMoveFromExactlyThePercent() {
        assertThat(move(MoveWay.UP, "1", AlertMode.REARM).firesOnMove(pct("1"))).isTrue();
        assertThat(move(MoveWay.UP, "1", AlertMode.REARM).firesOnMove(pct("0.99"))).isFalse();
        assertThat(move(MoveWay.UP, "1", AlertMode.REARM).firesOnMove(pct("-5"))).isFalse();
        assertThat(move(MoveWay.DOWN, "1", AlertMode.REARM).firesOnMove(pct("-1.5"))).isTrue();
        assertThat(move(MoveWay.DOWN, "1", AlertMode.REARM).firesOnMove(pct("1.5"))).isFalse();
        assertThat(move(MoveWay.EITHER, "1", AlertMode.REARM).firesOnMove(pct("-1"))).isTrue();
        assertThat(move(MoveWay.EITHER, "1", AlertMode.REARM).firesOnMove(pct("1"))).isTrue();
        assertThat(move(MoveWay.EITHER, "1", AlertMode.REARM).firesAt(pct("1400")))
                .as("a move alert is no threshold alert").isFalse();
    }

    @Test
    void firingRecordsTheBaseAndTheMoveAndReArmsOnlyUnderHalfThePercent() {
        Alert fired = move(MoveWay.UP, "1", AlertMode.REARM).fire(moveFiring("1400", "1383.1"));

        assertThat(fired.state()).isEqualTo(AlertState.FIRED);
        assertThat(fired.lastFiring().movePercent()).isBetween(pct("1.22"), pct("1.23"));
        assertThat(fired.rearmBoundary()).isEqualByComparingTo("0.5");
        assertThat(fired.rearmsOnMove(pct("0.5"))).as("hysteresis: not at half").isFalse();
        assertThat(fired.rearmsOnMove(pct("0.49"))).isTrue();
        assertThat(fired.rearmsOnMove(pct("-2"))).isTrue();
        assertThat(fired.rearmOnMove(pct("0.2")).state()).isEqualTo(AlertState.ARMED);
        assertThatThrownBy(() -> fired.rearmOnMove(pct("0.8"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fired.fire(moveFiring("1500", "1383.1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMoveTooSmallOrWithoutABaseDoesNotFire() {
        Alert up = move(MoveWay.UP, "2", AlertMode.REARM);

        assertThatThrownBy(() -> up.fire(moveFiring("1400", "1383.1"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> up.fire(new Firing("e1", pct("1500"), "frankfurter", NOW, NOW)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(move(MoveWay.UP, "2", AlertMode.ONCE).fire(moveFiring("1420", "1383.1")).rearmsOnMove(pct("0")))
                .as("once stays fired").isFalse();
    }

    @Test
    void windowsAndPercentsOutsideTheCatalogueAreRefused() {
        assertThatThrownBy(() -> new Move(MoveWay.UP, Duration.ofMinutes(30))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Move(MoveWay.UP, Duration.ofDays(31))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Move(MoveWay.UP, Duration.ofMinutes(90))).isInstanceOf(InvalidInputException.class);
        assertThat(new Move(MoveWay.UP, Duration.ofDays(30)).label()).isEqualTo("30d");
        assertThat(new Move(MoveWay.UP, DAY).label()).isEqualTo("24h");
        assertThatThrownBy(() -> move(MoveWay.UP, "0", AlertMode.REARM)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> move(MoveWay.UP, "101", AlertMode.REARM)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAlertExpiresOnceFromAnyStateButNotBeforeItsTimeNorOverAPendingPush() {
        Instant at = NOW.plus(Duration.ofDays(7));
        Alert alert = move(MoveWay.UP, "1", AlertMode.REARM).expiringAt(at);

        assertThat(alert.isExpiredAt(at.minusSeconds(1))).isFalse();
        assertThat(alert.isExpiredAt(at)).isTrue();
        assertThatThrownBy(() -> alert.expire(at.minusSeconds(1))).isInstanceOf(IllegalStateException.class);
        Alert expired = alert.pause().expire(at);
        assertThat(expired.state()).isEqualTo(AlertState.EXPIRED);
        assertThat(expired.pushPending()).isTrue();
        assertThat(expired.lastFiring().isExpiryNotice()).isTrue();
        assertThat(expired.firesOnMove(pct("50"))).isFalse();
        assertThatThrownBy(() -> expired.pushDelivered().expire(at)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(expired::resume).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(expired::pause).isInstanceOf(IllegalStateException.class);

        Alert pending = alert.fire(moveFiring("1400", "1383.1"));
        assertThatThrownBy(() -> pending.expire(at)).as("its push first").isInstanceOf(IllegalStateException.class);
        assertThat(pending.pushDelivered().expire(at).state()).isEqualTo(AlertState.EXPIRED);
        assertThatThrownBy(() -> Alert.create("t1", new Owner("u1", 1L), USD_KRW, Direction.ABOVE, pct("1400"),
                AlertMode.ONCE, null, NOW).expire(at)).as("no expiry").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMoveFiresTheWaysThatSeeItPositiveEachWithTheMoveAsItSeesIt() {
        assertThat(MoveWay.firing(new BigDecimal("1.5"))).containsExactly(
                java.util.Map.entry(MoveWay.UP, new BigDecimal("1.5")), java.util.Map.entry(MoveWay.EITHER, new BigDecimal("1.5")));
        assertThat(MoveWay.firing(new BigDecimal("-0.7"))).containsExactly(
                java.util.Map.entry(MoveWay.DOWN, new BigDecimal("0.7")), java.util.Map.entry(MoveWay.EITHER, new BigDecimal("0.7")));
        assertThat(MoveWay.firing(BigDecimal.ZERO)).as("no move fires nothing").isEmpty();
    }
}
