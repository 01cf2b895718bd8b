package dev.fxalert.evaluation.sim;

import dev.fxalert.evaluation.sim.DeliverySimulation.Layout;
import dev.fxalert.evaluation.sim.DeliverySimulation.Runner;
import dev.fxalert.evaluation.sim.DeliverySimulation.Result;
import dev.fxalert.evaluation.sim.DeliverySimulation.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's delivery goals checked in virtual time ({@link DeliverySimulation}): the real evaluation, drainer,
 * sender and limiter against a Bot API enforcing Telegram's flood limits, with no wall clock involved, so the
 * bounds are deterministic properties of the algorithm, not of the machine's load. The wall-clock benchmarks
 * (docs/performance.md) add what the simulation leaves out: latency, threads, the store's real speed.
 */
class DeliverySimulationTest {

    /** Drain goal: N pushes in at most 1.05 x N/30 s (the sender paces at 29/s, i.e. 1.034 x N/30 at best). */
    private static final double DRAIN_GOAL = 1.05;

    /** Small events at 8 phases of the drain's batches, 10 % to 80 % into a fan-out of {@code pushes}. */
    private static List<Duration> smallEventsDuring(int pushes) {
        long fanOutMillis = pushes * 1000L / 29;
        List<Duration> at = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            at.add(Duration.ofMillis(fanOutMillis * (i + 1) / 10 + i * 125L));
        }
        return at;
    }

    private static void assertEverythingDeliveredOnceWithout429s(Result result) {
        assertThat(result.fired()).as("fired").isEqualTo(result.total());
        assertThat(result.lost()).as("lost").isZero();
        assertThat(result.duplicates()).as("duplicates").isZero();
        assertThat(result.tooManyRequests()).as("429s (%s)", result.limitHits()).isZero();
    }

    @Test
    void aFanOutDrainsAtTheSendersRateAndASmallEventsPushGoesOutWithinASecond() {
        Result result = DeliverySimulation.run(Scenario.of(600, 600).withSmallEventsAt(smallEventsDuring(600)));

        assertEverythingDeliveredOnceWithout429s(result);
        assertThat(result.drainRatio()).as("drain / (N/30)").isLessThanOrEqualTo(DRAIN_GOAL);
        assertThat(result.smallDelays()).as("each small event: evaluated to its push accepted")
                .allSatisfy(delay -> assertThat(delay).isLessThan(Duration.ofSeconds(1)));
    }

    @Test
    void throughTheLambdaHandlerAFanOutLongerThanOneInvocationDrainsAtTheSameRate() {
        // 10 s per invocation: the 600 pushes (21 s) need three, each re-invoking the next.
        Result result = DeliverySimulation.run(Scenario.of(600, 600).withSmallEventsAt(smallEventsDuring(600))
                .through(Runner.LAMBDA, Duration.ofSeconds(10)));

        assertEverythingDeliveredOnceWithout429s(result);
        assertThat(result.invocations()).isGreaterThanOrEqualTo(3);
        assertThat(result.drainRatio()).as("drain / (N/30)").isLessThanOrEqualTo(DRAIN_GOAL);
        assertThat(result.smallDelays()).allSatisfy(delay -> assertThat(delay).isLessThan(Duration.ofSeconds(1)));
    }

    @Test
    void aUsersSeveralAlertsNextToEachOtherInTheFanOutDoNotIdleTheBudget() {
        // 5 alerts per chat, adjacent in the crossing order: the per-chat second must not hold the others back.
        Result result = DeliverySimulation.run(Scenario.of(600, 120).laidOut(Layout.CLUSTERED, 0));

        assertEverythingDeliveredOnceWithout429s(result);
        assertThat(result.drainRatio()).as("drain / (N/30)").isLessThanOrEqualTo(DRAIN_GOAL);
    }
}
