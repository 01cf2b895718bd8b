package dev.fxalert.ingestion;

import dev.fxalert.core.domain.ChartPeriod;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.HistoricalRates;
import dev.fxalert.core.port.RateHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fills a pair's rate history with a year of past daily rates the first time it is watched (an alert is created
 * on it, in the background: {@link #ensureYearInBackground}) or charted, so a chart has a shape from day one and
 * the first chart is drawn at once (issue 16).
 * <p>
 * The protocol, and why it can never be counted twice by evaluation:
 * <ol>
 *   <li>Covered already (a rate observed before the year's start plus {@link #SLACK}): nothing to do. A backfilled
 *       pair is covered from then on, so the provider is asked once per pair, not once per chart.</li>
 *   <li>The source does not quote the pair: nothing to do; the chart shows what was fetched live and says so.</li>
 *   <li>Otherwise only rates observed strictly before a <em>cutoff</em> are appended: the oldest rate already
 *       stored, or, with none stored, {@link #FRESH_MARGIN} before now. So the pair's latest entry (what the next
 *       live publication chains on, compares against and schedules by) is never a backfilled one while live rates
 *       exist, and when none exist it is old enough that every provider's next table is already due.</li>
 *   <li>Points go straight to {@link RateHistory#append}: no {@code RateUpdated} is published for them, so
 *       evaluation never sees them. Their event ids ({@code backfill|<provider>|<pair>|<day>}) name the day, so two
 *       charts backfilling at once, or a retry, append each day once.</li>
 *   <li>A failed fetch is not retried for {@link #RETRY_AFTER} (in this process): the chart is drawn from what exists.</li>
 * </ol>
 * Thread-safe.
 */
public final class HistoryBackfill {

    /** A history reaching within this of the year's start counts as covered (weekends, holidays, a late first fetch). */
    static final Duration SLACK = Duration.ofDays(7);
    /** With no live rate stored, backfilled rates stay this far from now. */
    static final Duration FRESH_MARGIN = Duration.ofDays(2);
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    /** Pairs waiting for the background thread; more at once is a burst of new pairs, each charted later anyway. */
    static final int BACKGROUND_QUEUE = 64;
    static final Duration BACKGROUND_IDLE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(HistoryBackfill.class);

    /** What one call did. */
    public enum Outcome { COVERED, NOT_QUOTED, BACKFILLED, FAILED }

    public record Result(Outcome outcome, int appended) {
    }

    private final RateHistory history;
    private final HistoricalRates source;
    private final Clock clock;
    private final Map<CurrencyPair, Instant> failedAt = new ConcurrentHashMap<>();
    /** Pairs queued or running in the background (backfill on first watch). */
    private final Set<CurrencyPair> inFlight = ConcurrentHashMap.newKeySet();
    /** When the background last asked the source for a pair (backfill on first watch). */
    private final Map<CurrencyPair, Instant> backgroundAskedAt = new ConcurrentHashMap<>();

    public HistoryBackfill(RateHistory history, HistoricalRates source, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** No backfill: charts show only what was fetched live. */
    public static HistoryBackfill none(RateHistory history, Clock clock) {
        return new HistoryBackfill(history, HistoricalRates.none(), clock);
    }

    /** Makes sure the pair's history reaches back a year where the source can give it. Never throws for a fetch. */
    public Result ensureYear(CurrencyPair pair) {
        return ensureYear(pair, true);
    }

    private Result ensureYear(CurrencyPair pair, boolean holdOnFailure) {
        Instant now = clock.instant();
        Instant yearStart = now.minus(ChartPeriod.YEAR.length());
        if (!history.between(pair, Instant.EPOCH, yearStart.plus(SLACK)).isEmpty()) {
            return new Result(Outcome.COVERED, 0);
        }
        if (!source.quotes(pair)) {
            return new Result(Outcome.NOT_QUOTED, 0);
        }
        Instant failed = failedAt.get(pair);
        if (failed != null && now.isBefore(failed.plus(RETRY_AFTER))) {
            return new Result(Outcome.FAILED, 0);
        }
        List<Rate> stored = history.between(pair, yearStart, now.plusSeconds(1));
        Instant cutoff = stored.isEmpty() ? now.minus(FRESH_MARGIN) : stored.get(0).observedAt();
        LocalDate from = yearStart.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = cutoff.atZone(ZoneOffset.UTC).toLocalDate();
        if (to.isBefore(from)) {
            return new Result(Outcome.COVERED, 0);
        }
        List<Rate> past;
        try {
            past = source.daily(pair, from, to);
        } catch (RuntimeException e) {
            if (holdOnFailure) {
                failedAt.put(pair, now);
            }
            log.warn("history of {} from {} not available: {}", pair, source.name(), e.getMessage());
            return new Result(Outcome.FAILED, 0);
        }
        failedAt.remove(pair);
        int appended = 0;
        for (Rate rate : past) {
            if (rate.pair().equals(pair) && rate.observedAt().isBefore(cutoff) && !rate.observedAt().isBefore(yearStart)) {
                history.append(rate, eventId(rate));
                appended++;
            }
        }
        log.info("backfilled {} daily rates of {} from {}", appended, pair, source.name());
        return new Result(Outcome.BACKFILLED, appended);
    }

    /**
     * Backfill on first watch (issue 16 follow-up): the same {@link #ensureYear} on {@code executor}, so a command
     * creating a pair's first alert answers at once and the pair's first chart finds its year already there.
     * <ul>
     *   <li>Idempotent: a pair already queued or running is not queued again; a covered pair costs one range read
     *       in the background and no call (so calling this on every new alert is cheap); a pair whose source was
     *       asked in the background is not asked again that way for {@link #RETRY_AFTER}, whatever the answer (the
     *       fault suite found a failing source asked once per new alert: 1,281 times for one pair).</li>
     *   <li>Never reaches the caller: a full queue, a failing fetch or a failing store is logged.</li>
     *   <li>A failed background fetch sets no hold: the next chart asks again at once, as a first chart did
     *       before (a failure on the chart's own path keeps the {@link #RETRY_AFTER} hold, which protects the
     *       source from one person charting again and again).</li>
     * </ul>
     */
    public void ensureYearInBackground(CurrencyPair pair, Executor executor) {
        Instant tried = backgroundAskedAt.get(pair);
        if (tried != null && clock.instant().isBefore(tried.plus(RETRY_AFTER))) {
            return; // asked the source for this pair within the hour: the next chart asks, not every new alert
        }
        if (!inFlight.add(pair)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    Outcome outcome = ensureYear(pair, false).outcome();
                    if (outcome == Outcome.FAILED || outcome == Outcome.BACKFILLED) {
                        backgroundAskedAt.put(pair, clock.instant());
                    }
                } catch (RuntimeException e) {
                    backgroundAskedAt.put(pair, clock.instant());
                    log.warn("background history backfill of {} failed: {}", pair, e.toString());
                } finally {
                    inFlight.remove(pair);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(pair);
            log.warn("background history backfill of {} not queued: {}", pair, e.getMessage());
        }
    }

    /**
     * One daemon thread with a short queue for {@link #ensureYearInBackground}: backfills run one at a time (one
     * time-series call in flight), and a burst beyond the queue is dropped with a log line (the chart still
     * backfills). The thread ends after {@link #BACKGROUND_IDLE} without work, so nobody has to shut it down, and
     * being a daemon it never keeps a process alive.
     */
    public static Executor backgroundExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, BACKGROUND_IDLE.toMillis(), TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKGROUND_QUEUE), task -> {
                    Thread thread = new Thread(task, "history-backfill");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    static String eventId(Rate rate) {
        return "backfill|" + rate.provider() + "|" + rate.pair() + "|"
                + rate.observedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
