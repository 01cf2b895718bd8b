package dev.fxalert.bot.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/** Runs the {@link IngestionJob} every {@code fx-alert.ingestion.interval} (INGESTION_INTERVAL), first at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IngestionSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IngestionSchedule.class);

    private final ObjectProvider<IngestionJob> job;
    private final FxAlertProperties properties;

    public IngestionSchedule(ObjectProvider<IngestionJob> job, FxAlertProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        IngestionJob ingestion = job.getIfAvailable();
        Duration interval = properties.ingestion().interval();
        if (ingestion == null) {
            log.info("No ingestion job wired in: rates are not fetched on a schedule");
            return;
        }
        log.info("Ingestion runs every {}", interval);
        registrar.addFixedDelayTask(new FixedDelayTask(() -> runOnce(ingestion), interval, Duration.ZERO));
    }

    private static void runOnce(IngestionJob ingestion) {
        try {
            ingestion.runOnce();
        } catch (RuntimeException e) {
            // One failed run must not end the schedule; the next run tries again.
            log.error("Ingestion run failed", e);
        }
    }
}
