package dev.fxalert.bot.admin.schedule;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.ScheduleExpression;
import dev.fxalert.core.port.ScheduleStatus;
import dev.fxalert.core.port.UserSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class LocalScheduleManagerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final TaskScheduler scheduler = mock(TaskScheduler.class);
    private final List<String> ran = new ArrayList<>();
    private final List<ScheduledFuture<?>> futures = new ArrayList<>();

    @BeforeEach
    void everyScheduleCallGetsItsOwnFuture() {
        when(scheduler.scheduleAtFixedRate(any(Runnable.class), any(Instant.class), any(Duration.class))).thenAnswer(call -> future());
        when(scheduler.schedule(any(Runnable.class), any(Trigger.class))).thenAnswer(call -> future());
        when(scheduler.schedule(any(Runnable.class), any(Instant.class))).thenAnswer(call -> future());
    }

    @Test
    void startsTheConfiguredRateOnePeriodFromNow() {
        LocalScheduleManager manager = manager("rate(5 minutes)", true);

        verify(scheduler).scheduleAtFixedRate(any(Runnable.class), eq(NOW.plus(Duration.ofMinutes(5))), eq(Duration.ofMinutes(5)));
        assertThat(manager.describe()).isEqualTo(new ScheduleStatus("fx-alert-ingestion", "local", true, "rate(5 minutes)", "Asia/Seoul"));
    }

    @Test
    void startsNothingWhenConfiguredPaused() {
        LocalScheduleManager manager = manager("rate(5 minutes)", false);

        verifyNoInteractions(scheduler);
        assertThat(manager.describe().enabled()).isFalse();
    }

    @Test
    void pauseCancelsTheRunningScheduleAndResumeStartsItAgain() {
        LocalScheduleManager manager = manager("rate(5 minutes)", true);

        assertThat(manager.pause().enabled()).isFalse();
        verify(futures.get(0)).cancel(false);
        assertThat(manager.pause().enabled()).isFalse();
        assertThat(manager.resume().enabled()).isTrue();

        assertThat(futures).hasSize(2);
        verify(futures.get(1), never()).cancel(false);
    }

    @Test
    void changingTheExpressionReplacesTheRunningSchedule() {
        LocalScheduleManager manager = manager("rate(5 minutes)", true);

        ScheduleStatus status = manager.changeExpression(ScheduleExpression.parse("cron(0 8 ? * 2-6 *)"));

        assertThat(status.expression()).isEqualTo("cron(0 8 ? * 2-6 *)");
        verify(futures.get(0)).cancel(false);
        ArgumentCaptor<Trigger> trigger = ArgumentCaptor.forClass(Trigger.class);
        verify(scheduler).schedule(any(Runnable.class), trigger.capture());
        // NOW is Wednesday 21:00 in Seoul; Monday-Friday at 08:00 there is Thursday 08:00 KST.
        assertThat(trigger.getValue().nextExecution(new SimpleTriggerContext(Clock.fixed(NOW, ZoneOffset.UTC))))
                .isEqualTo(Instant.parse("2026-11-25T23:00:00Z"));
    }

    @Test
    void changingThePausedScheduleOnlyRemembersTheExpression() {
        LocalScheduleManager manager = manager("rate(5 minutes)", false);

        manager.changeExpression(ScheduleExpression.parse("rate(1 hour)"));

        verifyNoInteractions(scheduler);
        assertThat(manager.resume().expression()).isEqualTo("rate(1 hour)");
        verify(scheduler).scheduleAtFixedRate(any(Runnable.class), eq(NOW.plus(Duration.ofHours(1))), eq(Duration.ofHours(1)));
    }

    @Test
    void anExpressionItCannotRunLeavesTheRunningScheduleAlone() {
        LocalScheduleManager manager = manager("rate(5 minutes)", true);

        assertThatThrownBy(() -> manager.changeExpression(ScheduleExpression.parse("cron(0 24 * * ? *)")))
                .isInstanceOf(InvalidInputException.class);

        verify(futures.get(0), never()).cancel(false);
        assertThat(manager.describe().expression()).isEqualTo("rate(5 minutes)");
    }

    @Test
    void aFailingRunIsLoggedAndDoesNotEscapeIntoTheScheduler() {
        manager("rate(5 minutes)", true);
        ArgumentCaptor<Runnable> job = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).scheduleAtFixedRate(job.capture(), any(Instant.class), any(Duration.class));

        job.getValue().run();
        job.getValue().run();

        assertThat(ran).containsExactly("ingestion", "ingestion");
    }

    @Test
    void runsAOneTimeUserScheduleAtItsLocalTimeAndDeletesIt() {
        List<UserSchedule> fired = new ArrayList<>();
        LocalScheduleManager manager = new LocalScheduleManager(scheduler, () -> { }, fired::add, "fx-alert-ingestion",
                ScheduleExpression.parse("rate(5 minutes)"), false, SEOUL, Clock.fixed(NOW, ZoneOffset.UTC));
        UserSchedule digest = new UserSchedule("digests", "digest-u1", ScheduleExpression.parse("at(2026-12-24T18:00:00)"), "Asia/Seoul", "{}");

        manager.putUserSchedule(digest);

        ArgumentCaptor<Runnable> job = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(job.capture(), eq(Instant.parse("2026-12-24T09:00:00Z")));
        job.getValue().run();
        assertThat(fired).containsExactly(digest);
        assertThat(manager.deleteUserSchedule("digests", "digest-u1")).isTrue();
        verify(futures.get(0)).cancel(false);
        assertThat(manager.deleteUserSchedule("digests", "digest-u1")).isFalse();
    }

    private LocalScheduleManager manager(String expression, boolean enabled) {
        Runnable job = () -> {
            ran.add("ingestion");
            throw new IllegalStateException("provider down");
        };
        return new LocalScheduleManager(scheduler, job, null, "fx-alert-ingestion", ScheduleExpression.parse(expression),
                enabled, SEOUL, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ScheduledFuture<?> future() {
        ScheduledFuture<?> future = mock(ScheduledFuture.class);
        futures.add(future);
        return future;
    }
}
