package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.fxalert.evaluation.support.StoreFixture.USD_KRW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the send slots evaluation gives one event's pushes ({@link EvaluationService.SlotPlan}). A chat's
 * several pushes must not be adjacent (the drain's batch would wait a chat interval per push while the budget
 * idles), and the fan-out must still fill consecutive slots. Pure arithmetic, no store, no clock.
 */
class SlotPlanTest {

    private static final Duration SLOT = Duration.ofMillis(500);
    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    /** Pushes in crossing order, one per chat id given. */
    private static List<Alert> pushesTo(long... chats) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < chats.length; i++) {
            alerts.add(Alert.create("a" + i, new Owner("u" + chats[i], chats[i]), USD_KRW, Direction.ABOVE,
                    new BigDecimal("1400"), AlertMode.ONCE, null, AT));
        }
        return alerts;
    }

    @Test
    void withoutAChatSpacingTheNthPushTakesTheNthSlot() {
        assertThat(EvaluationService.SlotPlan.plan(pushesTo(1, 1, 1, 2, 2, 2), SLOT, Duration.ZERO))
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aChatsAdjacentPushesAreSpreadRoundRobinAndTheFanOutStillFillsConsecutiveSlots() {
        // Chat 1's three alerts, then chat 2's: one second per chat is two slots.
        int[] slots = EvaluationService.SlotPlan.plan(pushesTo(1, 1, 1, 2, 2, 2), SLOT, Duration.ofSeconds(1));

        assertThat(slots).containsExactly(0, 2, 4, 1, 3, 5);
    }

    @Test
    void whenTooFewChatsAreLeftTheirPushesKeepTheirIntervalAndAGroupItsLongerOne() {
        // One private chat (1 s = 2 slots) and one group (3.1 s = 7 slots: Telegram's 20 a minute).
        int[] slots = EvaluationService.SlotPlan.plan(pushesTo(1, 1, 1, -100, -100, -100), SLOT,
                Duration.ofSeconds(1));

        assertThat(slots).containsExactly(0, 2, 4, 1, 8, 15);
    }
}
