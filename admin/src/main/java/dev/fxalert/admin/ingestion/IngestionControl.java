package dev.fxalert.admin.ingestion;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.schedule.ScheduleChange;
import dev.fxalert.admin.schedule.ScheduleView;
import dev.fxalert.core.port.ScheduleExpression;
import dev.fxalert.core.port.ScheduleManager;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The operator's ingestion controls: run once now, pause, resume, change the schedule. The trigger and the schedule
 * manager may be absent in a deployment that lacks them (null), which answers 503 instead of failing at start-up.
 */
public final class IngestionControl {

    private final IngestionTrigger trigger;
    private final ScheduleManager schedules;
    private final OperationsJournal journal;
    // Two operators pressing "run" at once would fetch every provider twice for nothing.
    private final ReentrantLock manualRun = new ReentrantLock();

    public IngestionControl(IngestionTrigger trigger, ScheduleManager schedules, OperationsJournal journal) {
        this.trigger = trigger;
        this.schedules = schedules;
        this.journal = journal;
    }

    public IngestionRunView runNow() {
        if (trigger == null) {
            throw AdminProblem.notWired("Running ingestion on demand");
        }
        if (!manualRun.tryLock()) {
            throw AdminProblem.conflict("An ingestion started from the admin API is still running; try again when it finished.");
        }
        try {
            IngestionReport report = trigger.runNow();
            journal.recordIngestion(report);
            return IngestionRunView.of(report);
        } finally {
            manualRun.unlock();
        }
    }

    public ScheduleView describe() {
        return ScheduleView.of(schedules().describe());
    }

    public ScheduleView pause() {
        return ScheduleView.of(schedules().pause());
    }

    public ScheduleView resume() {
        return ScheduleView.of(schedules().resume());
    }

    public ScheduleView changeSchedule(ScheduleChange change) {
        ScheduleExpression expression = ScheduleExpression.parse(change == null ? null : change.expression());
        return ScheduleView.of(schedules().changeExpression(expression));
    }

    private ScheduleManager schedules() {
        if (schedules == null) {
            throw AdminProblem.notWired("The ingestion schedule");
        }
        return schedules;
    }
}
