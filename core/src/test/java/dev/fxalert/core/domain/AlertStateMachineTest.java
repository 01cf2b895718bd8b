package dev.fxalert.core.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");

    private static Alert alert(Direction direction, String threshold, AlertMode mode) {
        return Alert.create("abcdefgh", new Owner("u1", 42L), USD_KRW, direction, new BigDecimal(threshold), mode, null, NOW);
    }

    private static Firing firing(String eventId, String rate) {
        return new Firing(eventId, new BigDecimal(rate), "frankfurter", NOW, NOW);
    }

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    @Nested
    class FiringRules {
        @Test
        void aboveFiresWhenTheRateReachesOrExceedsTheThreshold() {
            Alert above = alert(Direction.ABOVE, "1400", AlertMode.REARM);
            assertThat(above.firesAt(rate("1399.99"))).isFalse();
            assertThat(above.firesAt(rate("1400"))).isTrue();
            assertThat(above.firesAt(rate("1400.00"))).isTrue();
            assertThat(above.firesAt(rate("1401"))).isTrue();
        }

        @Test
        void belowFiresWhenTheRateReachesOrFallsUnderTheThreshold() {
            Alert below = alert(Direction.BELOW, "1300", AlertMode.REARM);
            assertThat(below.firesAt(rate("1300.01"))).isFalse();
            assertThat(below.firesAt(rate("1300"))).isTrue();
            assertThat(below.firesAt(rate("1250"))).isTrue();
        }

        @Test
        void firingRecordsThePendingPushAndCounts() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.ONCE).fire(firing("e1", "1401"));
            assertThat(fired.state()).isEqualTo(AlertState.FIRED);
            assertThat(fired.fireCount()).isEqualTo(1);
            assertThat(fired.firedAt()).isEqualTo(NOW);
            assertThat(fired.pushPending()).isTrue();
            assertThat(fired.lastFiring().eventId()).isEqualTo("e1");
            assertThat(fired.pushDelivered().pushPending()).isFalse();
        }

        @Test
        void aPendingPushCountsFailedRoundsAndCanBeDeadLetteredOnlyWhilePending() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.ONCE).fire(firing("e1", "1401"));
            assertThat(fired.push()).isEqualTo(PushState.due(NOW));

            Alert failed = fired.pushFailed(NOW.plusSeconds(60));
            assertThat(failed.push().attempts()).isEqualTo(1);
            assertThat(failed.push().nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(failed.pushPending()).isTrue();

            Alert dead = failed.pushDeadLettered("400 Bad Request: message is too long", false);
            assertThat(dead.pushPending()).isFalse();
            assertThat(dead.push().deadLetter()).isEqualTo("400 Bad Request: message is too long");
            assertThatThrownBy(() -> dead.pushDeadLettered("again", false)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> fired.pushDelivered().pushFailed(NOW)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aFiredAlertDoesNotFireAgain() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.REARM).fire(firing("e1", "1401"));
            assertThat(fired.firesAt(rate("1500"))).isFalse();
            assertThatThrownBy(() -> fired.fire(firing("e2", "1500"))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aPausedAlertNeverFires() {
            Alert paused = alert(Direction.ABOVE, "1400", AlertMode.REARM).pause();
            assertThat(paused.firesAt(rate("2000"))).isFalse();
            assertThatThrownBy(() -> paused.fire(firing("e1", "2000"))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Rearming {
        @Test
        void defaultBandIsHalfAPercentOfTheThreshold() {
            Alert above = alert(Direction.ABOVE, "1400", AlertMode.REARM);
            assertThat(above.rearmBand()).isEqualByComparingTo("7");
            assertThat(above.rearmBoundary()).isEqualByComparingTo("1393");
            assertThat(alert(Direction.BELOW, "1400", AlertMode.REARM).rearmBoundary()).isEqualByComparingTo("1407");
        }

        @Test
        void aHoveringRateNeverProducesASecondPush() {
            Alert alert = alert(Direction.ABOVE, "1400", AlertMode.REARM).fire(firing("e1", "1400.5"));
            for (String hovering : new String[]{"1399.5", "1400", "1398", "1393", "1401", "1396.2"}) {
                assertThat(alert.rearmsAt(rate(hovering))).as("re-arms at %s", hovering).isFalse();
                assertThat(alert.firesAt(rate(hovering))).isFalse();
            }
        }

        @Test
        void aboveRearmsOnlyOnceTheRateIsBelowThresholdMinusBand() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.REARM).fire(firing("e1", "1401"));
            assertThat(fired.rearmsAt(rate("1393"))).isFalse();
            assertThat(fired.rearmsAt(rate("1392.99"))).isTrue();
            Alert armed = fired.rearm(rate("1392"));
            assertThat(armed.state()).isEqualTo(AlertState.ARMED);
            assertThat(armed.firesAt(rate("1400"))).isTrue();
            assertThat(armed.fireCount()).isEqualTo(1);
        }

        @Test
        void belowRearmsOnlyOnceTheRateIsAboveThresholdPlusBand() {
            Alert fired = alert(Direction.BELOW, "1000", AlertMode.REARM).fire(firing("e1", "999"));
            assertThat(fired.rearmsAt(rate("1005"))).isFalse();
            assertThat(fired.rearmsAt(rate("1005.01"))).isTrue();
        }

        @Test
        void aOnceAlertStaysFired() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.ONCE).fire(firing("e1", "1401"));
            assertThat(fired.rearmsAt(rate("1000"))).isFalse();
            assertThatThrownBy(() -> fired.rearm(rate("1000"))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void theOwnerCanRearmAFiredAlertByHand() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.ONCE).fire(firing("e1", "1401"));
            assertThat(fired.resume().state()).isEqualTo(AlertState.ARMED);
        }
    }

    @Nested
    class Validation {
        @Test
        void rejectsANonPositiveThreshold() {
            assertThatThrownBy(() -> alert(Direction.ABOVE, "0", AlertMode.ONCE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("greater than 0");
            assertThatThrownBy(() -> alert(Direction.ABOVE, "-5", AlertMode.ONCE))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void rejectsAnAbsurdThreshold() {
            assertThatThrownBy(() -> alert(Direction.ABOVE, "10000000000", AlertMode.ONCE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("too large");
        }

        @Test
        void rejectsANoteLongerThan100Characters() {
            assertThatThrownBy(() -> Alert.create("abcdefgh", new Owner("u", 1), USD_KRW, Direction.ABOVE,
                    rate("1"), AlertMode.ONCE, "x".repeat(101), NOW))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 100");
        }

        @Test
        void keepsThresholdsWithoutScientificNotation() {
            assertThat(alert(Direction.ABOVE, "1400.00", AlertMode.ONCE).threshold().toString()).isEqualTo("1400");
        }
    }

    /** Issue 14: actions on the push. */
    @Nested
    class SnoozeAndMoveTarget {
        @Test
        void aFiringDuringASnoozeIsDueAtItsEndAndAfterItAtOnce() {
            Instant until = NOW.plusSeconds(3600);
            Alert snoozed = alert(Direction.ABOVE, "1400", AlertMode.REARM).snooze(until);

            assertThat(snoozed.isSnoozedAt(NOW)).isTrue();
            assertThat(snoozed.isSnoozedAt(until)).isFalse();
            assertThat(snoozed.fire(firing("e1", "1401")).push().nextAttemptAt()).isEqualTo(until);
            assertThat(snoozed.pushDueAt(until.plusSeconds(1))).isEqualTo(until.plusSeconds(1));
        }

        @Test
        void snoozingHoldsAPendingPushAndIsRefusedForAPausedAlert() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.ONCE).fire(firing("e1", "1401"));
            Instant until = NOW.plusSeconds(86_400);

            assertThat(fired.snooze(until).push().nextAttemptAt()).isEqualTo(until);
            assertThatThrownBy(() -> fired.pause().snooze(until)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void movingTheTargetArmsAtTheNewThresholdWithItsBandAndIsRefusedWhenPaused() {
            Alert fired = alert(Direction.ABOVE, "1400", AlertMode.REARM).fire(firing("e1", "1401"));

            Alert moved = fired.moveThreshold(rate("1407"));

            assertThat(moved.state()).isEqualTo(AlertState.ARMED);
            assertThat(moved.threshold()).isEqualByComparingTo("1407");
            assertThat(moved.rearmBand()).isEqualByComparingTo(Alert.defaultBand(rate("1407")));
            assertThatThrownBy(() -> fired.pause().moveThreshold(rate("1407")))
                    .isInstanceOf(IllegalStateException.class);
        }

        // issue 15 audit (branch quiet15b): /move armed an expired alert again
        @Test
        void anExpiredAlertsTargetCannotMove() {
            Alert expired = alert(Direction.ABOVE, "1400", AlertMode.ONCE).expiringAt(NOW.plusSeconds(60))
                    .expire(NOW.plusSeconds(60));

            assertThatThrownBy(() -> expired.moveThreshold(rate("1407"))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aMovedThresholdIsRoundedToThePrecisionThePairIsQuotedIn() {
            assertThat(alert(Direction.ABOVE, "1400", AlertMode.ONCE).fire(firing("e1", "1401.37"))
                    .thresholdMovedBy(rate("0.5"))).isEqualByComparingTo("1407");
            assertThat(alert(Direction.ABOVE, "1400", AlertMode.ONCE).fire(firing("e1", "1401.37"))
                    .thresholdMovedBy(rate("-1")).toPlainString()).isEqualTo("1386");
            assertThat(alert(Direction.ABOVE, "1403.5", AlertMode.ONCE).fire(firing("e1", "1404.123456"))
                    .thresholdMovedBy(rate("0.5")).toPlainString()).isEqualTo("1410.52");
            Alert eur = Alert.create("abcdefgh", new Owner("u1", 42L), CurrencyPair.of("EUR", "USD"), Direction.BELOW,
                    rate("1.05"), AlertMode.ONCE, null, NOW).fire(firing("e1", "1.0487"));
            assertThat(eur.thresholdMovedBy(rate("0.5")).toPlainString()).isEqualTo("1.0552");
        }
    }
}
