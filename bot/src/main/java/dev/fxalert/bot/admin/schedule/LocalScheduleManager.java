package dev.fxalert.bot.admin.schedule;

import dev.fxalert.admin.schedule.UserScheduleTarget;
import dev.fxalert.core.port.ScheduleExpression;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.ScheduleStatus;
import dev.fxalert.core.port.UserSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * {@link ScheduleManager} for the local all-in-one app, on Spring's {@link TaskScheduler}: the ingestion job and the
 * per-user schedules run in this process. State lives in memory, so a restart goes back to the configured
 * expression and state, as the local app's configuration says.
 */
public final class LocalScheduleManager implements ScheduleManager {

    private static final Logger log = LoggerFactory.getLogger(LocalScheduleManager.class);

    private final TaskScheduler scheduler;
    private final Runnable ingestionJob;
    private final UserScheduleTarget userTarget;
    private final String name;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> userFutures = new HashMap<>();
    private ScheduleExpression expression;
    private boolean enabled;
    private ScheduledFuture<?> ingestionFuture;

    /**
     * @param userTarget what per-user schedules invoke; null when this app has none (creating one then fails)
     */
    public LocalScheduleManager(TaskScheduler scheduler, Runnable ingestionJob, UserScheduleTarget userTarget, String name,
                                ScheduleExpression initial, boolean startEnabled, ZoneId zone, Clock clock) {
        this.scheduler = scheduler;
        this.ingestionJob = ingestionJob;
        this.userTarget = userTarget;
        this.name = name;
        this.zone = zone;
        this.clock = clock;
        this.expression = initial;
        this.enabled = startEnabled;
        if (startEnabled) {
            ingestionFuture = schedule(initial, ingestionJob);
        }
    }

    @Override
    public synchronized ScheduleStatus describe() {
        return status();
    }

    @Override
    public synchronized ScheduleStatus pause() {
        if (enabled) {
            cancel(ingestionFuture);
            ingestionFuture = null;
            enabled = false;
            log.info("Ingestion schedule {} paused", name);
        }
        return status();
    }

    @Override
    public synchronized ScheduleStatus resume() {
        if (!enabled) {
            ingestionFuture = schedule(expression, ingestionJob);
            enabled = true;
            log.info("Ingestion schedule {} resumed: {}", name, expression);
        }
        return status();
    }

    @Override
    public synchronized ScheduleStatus changeExpression(ScheduleExpression newExpression) {
        if (enabled) {
            // Translate first: an expression this scheduler cannot run must leave the running schedule alone.
            ScheduledFuture<?> next = schedule(newExpression, ingestionJob);
            cancel(ingestionFuture);
            ingestionFuture = next;
        } else {
            SchedulerTriggers.check(newExpression);
        }
        expression = newExpression;
        log.info("Ingestion schedule {} now {}", name, newExpression);
        return status();
    }

    @Override
    public synchronized void putUserSchedule(UserSchedule schedule) {
        if (userTarget == null) {
            throw new IllegalStateException("This app has no target for user schedules.");
        }
        String key = schedule.group() + "/" + schedule.name();
        ScheduledFuture<?> next = schedule(schedule.expression(), () -> userTarget.fire(schedule), ZoneId.of(schedule.timezone()));
        cancel(userFutures.put(key, next));
    }

    @Override
    public synchronized boolean deleteUserSchedule(String group, String name) {
        ScheduledFuture<?> removed = userFutures.remove(group + "/" + name);
        cancel(removed);
        return removed != null;
    }

    /** Stops every schedule and, as it owns it, the scheduler's threads; the app calls it on shutdown. */
    public synchronized void stop() {
        cancel(ingestionFuture);
        userFutures.values().forEach(LocalScheduleManager::cancel);
        userFutures.clear();
        if (scheduler instanceof ThreadPoolTaskScheduler pool) {
            pool.shutdown();
        }
    }

    private ScheduledFuture<?> schedule(ScheduleExpression when, Runnable job) {
        return schedule(when, job, zone);
    }

    private ScheduledFuture<?> schedule(ScheduleExpression when, Runnable job, ZoneId in) {
        Runnable guarded = () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // Whatever error handler the scheduler has, a failing run never ends the schedule.
                log.error("Scheduled job of {} failed", name, e);
            }
        };
        return switch (when.kind()) {
            case RATE -> scheduler.scheduleAtFixedRate(guarded, clock.instant().plus(SchedulerTriggers.period(when)),
                    SchedulerTriggers.period(when));
            case CRON -> scheduler.schedule(guarded, SchedulerTriggers.trigger(when, in));
            case AT -> {
                Instant at = when.atTime().atZone(in).toInstant();
                yield at.isBefore(clock.instant()) ? null : scheduler.schedule(guarded, at);
            }
        };
    }

    private ScheduleStatus status() {
        return new ScheduleStatus(name, "local", enabled, expression.text(), zone.getId());
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
