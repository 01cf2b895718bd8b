package dev.fxalert.bot.local;

import dev.fxalert.admin.schedule.UserScheduleTarget;
import dev.fxalert.bot.admin.schedule.LocalScheduleManager;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.digest.DigestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daily digest in the local app (issue 15): the local scheduler's per-user schedules fire {@link DigestService},
 * which sends through the paced sender's budget (taking turns with pushes, never a second sender). The local
 * scheduler keeps schedules in memory, so at start-up every active user's digest schedule is put again from the
 * store: the stored digest time is the truth and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
public class LocalDigestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalDigestConfiguration.class);
    /** Digests being built and waiting for a send slot at once; the limiter paces them, this only bounds threads. */
    private static final int DIGEST_THREADS = 4;

    @Bean
    DigestService digestService(UserStore users, AlertStore alerts, RateHistory history, PacedSender sender,
                                Clock clock) {
        return new DigestService(users, alerts, history, sender.broadcastBudget(), clock);
    }

    /**
     * What a digest schedule fires: hands the user to a small pool and returns at once, so 10,000 digests due in the
     * same minute never hold the one scheduler thread (ingestion runs on it too).
     */
    @Bean(destroyMethod = "")
    UserScheduleTarget digestTarget(DigestService digests) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(DIGEST_THREADS, task -> {
            Thread thread = new Thread(task, "fx-digest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return schedule -> DigestSchedules.userId(schedule.payload())
                .ifPresent(userId -> pool.execute(() -> {
                    try {
                        digests.send(userId);
                    } catch (RuntimeException e) {
                        log.error("digest of user {} failed", userId, e);
                    }
                }));
    }

    /** At start-up: /digest schedules on the local scheduler, and every stored digest time scheduled again. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> digestSchedulesAtStart(ObjectProvider<LocalScheduleManager> schedules,
                                                                     ChatBot bot, UserStore users) {
        return ready -> {
            LocalScheduleManager manager = schedules.getIfAvailable();
            if (manager == null) {
                log.warn("No local scheduler (LOCAL_SCHEDULE_ENABLED=false): /digest times are stored, not sent.");
                return;
            }
            bot.scheduleDigestsWith(manager);
            log.info("scheduled {} daily digests", DigestSchedules.scheduleAll(manager, users));
        };
    }
}
