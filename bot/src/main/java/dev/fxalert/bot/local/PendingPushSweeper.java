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

    /** Bounded, so a stop always ends; the pushes a cut-off sweep leaves stay pending for the next start. */
    private static final Duration SETTLE = Duration.ofSeconds(15);

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

    /** Stops the schedule; a sweep under way settles its sends before this returns, as the store closes next. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("pending-push sweep still running after {}; its pushes stay pending", SETTLE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
