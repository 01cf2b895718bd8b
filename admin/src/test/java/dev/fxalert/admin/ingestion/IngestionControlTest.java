package dev.fxalert.admin.ingestion;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.schedule.ScheduleChange;
import dev.fxalert.admin.schedule.ScheduleView;
import dev.fxalert.admin.testing.RecordingScheduleManager;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestionControlTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final OperationsJournal journal = new OperationsJournal(Clock.fixed(NOW, ZoneOffset.UTC));
    private final RecordingScheduleManager schedules = new RecordingScheduleManager();

    @Test
    void runsIngestionOnceAndRecordsItsReportInTheJournal() {
        IngestionTrigger trigger = () -> new IngestionReport(NOW.minusMillis(1500), NOW, List.of(
                new ProviderRun("frankfurter", NOW, 0, 1, 3, 0, null), new ProviderRun("koreaexim", NOW, 0, 1, 0, 0, "HTTP 503")), 3, 0);
        IngestionControl control = new IngestionControl(trigger, schedules, journal);

        IngestionRunView run = control.runNow();

        assertThat(run.durationMillis()).isEqualTo(1500);
        assertThat(run.eventsPublished()).isEqualTo(3);
        assertThat(run.providers()).extracting(p -> p.provider() + ":" + p.error())
                .containsExactly("frankfurter:null", "koreaexim:HTTP 503");
        assertThat(journal.snapshot().lastIngestionAt()).isEqualTo(NOW);
    }

    @Test
    void refusesASecondManualRunWhileOneIsRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IngestionControl control = new IngestionControl(() -> {
            started.countDown();
            await(release);
            return new IngestionReport(NOW, NOW, List.of(), 0, 0);
        }, schedules, journal);
        Thread first = new Thread(control::runNow);
        first.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(control::runNow).isInstanceOf(AdminProblem.class)
                .extracting(e -> ((AdminProblem) e).status()).isEqualTo(409);

        release.countDown();
        first.join();
    }

    @Test
    void pausesResumesAndReschedulesThroughTheScheduleManager() {
        IngestionControl control = new IngestionControl(null, schedules, journal);

        assertThat(control.pause()).isEqualTo(new ScheduleView("fx-alert-ingestion", "default", "DISABLED", "rate(5 minutes)", "UTC"));
        assertThat(control.changeSchedule(new ScheduleChange("rate(15 minutes)")).expression()).isEqualTo("rate(15 minutes)");
        assertThat(control.resume().state()).isEqualTo("ENABLED");
        assertThat(schedules.calls).containsExactly("pause", "change rate(15 minutes)", "resume");
    }

    @Test
    void refusesAnInvalidExpressionWithoutTouchingTheSchedule() {
        IngestionControl control = new IngestionControl(null, schedules, journal);

        assertThatThrownBy(() -> control.changeSchedule(new ScheduleChange("every 5 minutes")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("every 5 minutes");
        assertThatThrownBy(() -> control.changeSchedule(null)).isInstanceOf(InvalidInputException.class);
        assertThat(schedules.calls).isEmpty();
    }

    @Test
    void answersNotConfiguredWhenTheDeploymentLacksATriggerOrSchedule() {
        IngestionControl control = new IngestionControl(null, null, journal);

        assertThatThrownBy(control::runNow).isInstanceOf(AdminProblem.class).hasMessageContaining("not configured");
        assertThatThrownBy(control::pause).isInstanceOf(AdminProblem.class).hasMessageContaining("not configured");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
