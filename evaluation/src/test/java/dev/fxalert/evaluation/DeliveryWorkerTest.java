package dev.fxalert.evaluation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's thread drains once at start, again when woken, and again at once while a drain says more is left.
 * The timer is an hour, so every drain after the first is caused by a wake-up or by "more left".
 */
class DeliveryWorkerTest {

    private static final DrainResult NOTHING_LEFT = new DrainResult(0, 0, DeliveryCounts.NONE, false);
    private static final DrainResult MORE_LEFT = new DrainResult(1, 0, DeliveryCounts.NONE, true);

    @Test
    void drainsAtStartWhenWokenAndUntilNothingIsLeft() throws Exception {
        LinkedBlockingQueue<String> drains = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<DrainResult> answers = new LinkedBlockingQueue<>();
        answers.add(NOTHING_LEFT);
        DeliveryWorker worker = new DeliveryWorker(until -> {
            drains.add("drain");
            DrainResult answer = answers.poll();
            return answer == null ? NOTHING_LEFT : answer;
        }, Clock.systemUTC(), Duration.ofHours(1), Duration.ofMinutes(1));
        try {
            worker.start();
            assertThat(drains.poll(10, TimeUnit.SECONDS)).as("at start").isNotNull();

            answers.add(MORE_LEFT);
            answers.add(NOTHING_LEFT);
            worker.pushesRecorded("e1", 1);

            assertThat(drains.poll(10, TimeUnit.SECONDS)).as("woken").isNotNull();
            assertThat(drains.poll(10, TimeUnit.SECONDS)).as("more was left").isNotNull();
        } finally {
            worker.close();
        }
    }
}
