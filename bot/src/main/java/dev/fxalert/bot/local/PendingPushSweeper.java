package dev.fxalert.bot.local;

import dev.fxalert.evaluation.EvaluationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-sends pushes left pending (Telegram down, the process stopped between firing and sending) on a fixed
 * delay: the local twin of the Lambda's sweep schedule.
 */
final class PendingPushSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PendingPushSweeper.class);

    private final ScheduledExecutorService timer;

    PendingPushSweeper(EvaluationService evaluation, Duration every) {
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fx-pending-push-sweep");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> sweep(evaluation), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void sweep(EvaluationService evaluation) {
        try {
            var result = evaluation.sweepPendingPushes();
            log.debug("pending-push sweep: {}", result);
        } catch (RuntimeException e) {
            // One failed sweep must not end the schedule; what is pending stays pending for the next one.
            log.warn("pending-push sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
