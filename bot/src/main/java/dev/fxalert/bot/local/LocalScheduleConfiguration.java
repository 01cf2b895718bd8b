package dev.fxalert.bot.local;

import java.time.Duration;

import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.schedule.UserScheduleTarget;
import dev.fxalert.bot.admin.schedule.LocalScheduleManager;
import dev.fxalert.core.port.ScheduleExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import dev.fxalert.core.config.Settings;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;

/**
 * The local app's ingestion schedule: a {@link LocalScheduleManager} on its own one-thread scheduler (not exposed as
 * a bean, so it never replaces the app's TaskScheduler). It runs the {@link IngestionTrigger} bean; until the app
 * provides one, the schedule can be paused and changed but runs nothing.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalScheduleConfiguration.Enabled.class)
public class LocalScheduleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalScheduleConfiguration.class);

    @Bean(destroyMethod = "stop")
    LocalScheduleManager localScheduleManager(ObjectProvider<LocalSettings> localSettings, Environment environment,
                                              ObjectProvider<IngestionTrigger> trigger,
                                              ObjectProvider<UserScheduleTarget> userTarget, OperationsJournal journal,
                                              ObjectProvider<Clock> clock) {
        LocalSettings settings = localSettings.getIfAvailable(
                () -> LocalSettings.from(Settings.of(environment::getProperty)));
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("fx-schedule-");
        scheduler.setDaemon(true);
        // A stop lets a run under way finish (bounded) before the store it writes to is closed.
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(15);
        scheduler.initialize();
        IngestionTrigger ingestion = trigger.getIfAvailable();
        if (ingestion == null) {
            log.warn("No IngestionTrigger bean: the local ingestion schedule runs nothing.");
        }
        Runnable job = ingestion == null ? () -> { } : () -> journal.recordIngestion(ingestion.runNow());
        return new LocalScheduleManager(scheduler, job, userTarget.getIfAvailable(), "fx-alert-ingestion",
                initialExpression(settings), settings.scheduleEnabled() && ingestion != null,
                settings.scheduleZone(), clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * An explicit INGESTION_SCHEDULE wins; otherwise INGESTION_INTERVAL, the operator's
     * documented setting, rounded up to whole minutes (Scheduler's rate() granularity).
     */
    static ScheduleExpression initialExpression(LocalSettings settings) {
        if (settings.ingestionSchedule().isPresent()) {
            return ScheduleExpression.parse(settings.ingestionSchedule().get());
        }
        Duration interval = settings.ingestionInterval();
        long minutes = Math.max(1, (interval.getSeconds() + 59) / 60);
        if (minutes * 60 != interval.getSeconds()) {
            log.warn("INGESTION_INTERVAL {} rounded up to {} minute(s)", interval, minutes);
        }
        return ScheduleExpression.parse(minutes == 1 ? "rate(1 minute)" : "rate(" + minutes + " minutes)");
    }

    /** LOCAL_SCHEDULE_ENABLED, read by the one settings reader (its default is written in {@link LocalSettings}). */
    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return LocalSettings.from(Settings.of(context.getEnvironment()::getProperty)).localScheduleEnabled();
        }
    }
}
