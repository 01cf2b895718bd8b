package dev.fxalert.admin.journal;

import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened recently, in memory, for {@code GET /admin/stats}: the last run of each ingestion provider and the
 * push outcomes of the last window (24 h by default). Bounded: at most {@code maxPushes} outcomes are kept, oldest
 * dropped first. Per process: on Lambda each instance knows only what it saw, which the stats say.
 * Thread-safe; ingestion, evaluation and admin requests call it concurrently.
 */
public final class OperationsJournal {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    public static final int DEFAULT_MAX_PUSHES = 50_000;

    private final Clock clock;
    private final Duration window;
    private final int maxPushes;
    private final Map<String, LastRun> lastRunByProvider = new LinkedHashMap<>();
    private final Deque<Attempt> pushes = new ArrayDeque<>();
    private Instant lastIngestionAt;

    public OperationsJournal(Clock clock, Duration window, int maxPushes) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (maxPushes < 1) {
            throw new IllegalArgumentException("maxPushes must be at least 1");
        }
        this.clock = clock;
        this.window = window;
        this.maxPushes = maxPushes;
    }

    public OperationsJournal(Clock clock) {
        this(clock, DEFAULT_WINDOW, DEFAULT_MAX_PUSHES);
    }

    public synchronized void recordIngestion(IngestionReport report) {
        for (ProviderRun run : report.providers()) {
            lastRunByProvider.put(run.provider(), new LastRun(run, report.ranAt(run)));
        }
        if (lastIngestionAt == null || report.finishedAt().isAfter(lastIngestionAt)) {
            lastIngestionAt = report.finishedAt();
        }
    }

    /**
     * One send attempt as the sender reports it (a {@code DeliveryObserver}). A 429 is not an outcome (the sender
     * waits and sends the same push again), nor is a group's migration (the same push goes to the new chat): both
     * are left out. A permanent refusal and an answer that never came count as failed.
     */
    public void recordPush(DeliveryReport report) {
        DeliveryResult result = report.result();
        Attempt.Result outcome;
        if (result instanceof DeliveryResult.Delivered) {
            outcome = Attempt.Result.DELIVERED;
        } else if (result instanceof DeliveryResult.RecipientGone) {
            outcome = Attempt.Result.RECIPIENT_GONE;
        } else if (result instanceof DeliveryResult.Failed || result instanceof DeliveryResult.Rejected
                || result instanceof DeliveryResult.OutcomeUnknown) {
            outcome = Attempt.Result.FAILED;
        } else {
            return;
        }
        Duration lag = report.eventToPushLag();
        record(new Attempt(report.sentAt(), outcome, lag.isNegative() ? Duration.ZERO : lag));
    }

    private synchronized void record(Attempt attempt) {
        pushes.addLast(attempt);
        while (pushes.size() > maxPushes) {
            pushes.removeFirst();
        }
        dropOlderThanWindow();
    }

    public synchronized Snapshot snapshot() {
        dropOlderThanWindow();
        long delivered = 0;
        long failed = 0;
        long gone = 0;
        List<Duration> lags = new ArrayList<>();
        for (Attempt push : pushes) {
            switch (push.result()) {
                case DELIVERED -> {
                    delivered++;
                    lags.add(push.lag());
                }
                case FAILED -> failed++;
                case RECIPIENT_GONE -> gone++;
            }
        }
        return new Snapshot(window, lastIngestionAt, List.copyOf(lastRunByProvider.values()), delivered, failed, gone,
                LagSummary.of(lags));
    }

    private void dropOlderThanWindow() {
        Instant cutoff = clock.instant().minus(window);
        // Outcomes arrive roughly in time order; a late one behind the head is dropped on a later call.
        while (!pushes.isEmpty() && pushes.peekFirst().finishedAt().isBefore(cutoff)) {
            pushes.removeFirst();
        }
    }

    /** @param lastIngestionAt null when no run was seen by this process */
    public record Snapshot(Duration window, Instant lastIngestionAt, List<LastRun> providers, long pushesDelivered,
                           long pushesFailed, long pushesRecipientGone, LagSummary lag) {
    }

    /**
     * What the journal keeps of a send attempt (not the message: 50,000 of them stay in memory).
     *
     * @param lag event-to-push, never negative even if clocks of two machines disagree a little
     */
    private record Attempt(Instant finishedAt, Result result, Duration lag) {
        enum Result { DELIVERED, FAILED, RECIPIENT_GONE }
    }

    /** A provider's part in the last run that listed it, and when that was ({@link IngestionReport#ranAt}). */
    public record LastRun(ProviderRun run, Instant ranAt) {
    }

    /** Event-to-push lag of delivered pushes; all null when there were none. */
    public record LagSummary(int samples, Duration p50, Duration p95, Duration max) {

        static LagSummary of(List<Duration> lags) {
            if (lags.isEmpty()) {
                return new LagSummary(0, null, null, null);
            }
            List<Duration> sorted = new ArrayList<>(lags);
            sorted.sort(null);
            return new LagSummary(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 95), sorted.get(sorted.size() - 1));
        }

        private static Duration nearestRank(List<Duration> sorted, int percentile) {
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }
}
