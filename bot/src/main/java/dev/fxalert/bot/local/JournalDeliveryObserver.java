package dev.fxalert.bot.local;

import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.journal.PushOutcome;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.DeliveryReport;

/**
 * Feeds push outcomes to the admin API's journal (pushes sent/failed, event-to-push lag). A 429 is not an
 * outcome: the sender waits and sends the same push again, so it is left out.
 */
final class JournalDeliveryObserver implements DeliveryObserver {

    private final OperationsJournal journal;

    JournalDeliveryObserver(OperationsJournal journal) {
        this.journal = journal;
    }

    @Override
    public void onAttempt(DeliveryReport report) {
        DeliveryResult result = report.result();
        PushOutcome.Result outcome;
        String reason = null;
        if (result instanceof DeliveryResult.Delivered) {
            outcome = PushOutcome.Result.DELIVERED;
        } else if (result instanceof DeliveryResult.RecipientGone gone) {
            outcome = PushOutcome.Result.RECIPIENT_GONE;
            reason = gone.reason();
        } else if (result instanceof DeliveryResult.Failed failed) {
            outcome = PushOutcome.Result.FAILED;
            reason = failed.reason();
        } else if (result instanceof DeliveryResult.Rejected rejected) {
            outcome = PushOutcome.Result.FAILED;
            reason = rejected.reason();
        } else if (result instanceof DeliveryResult.OutcomeUnknown unknown) {
            outcome = PushOutcome.Result.FAILED;
            reason = "outcome unknown: " + unknown.reason();
        } else {
            return;
        }
        journal.recordPush(new PushOutcome(report.push().alertId(), report.push().firedAt(), report.sentAt(),
                outcome, reason));
    }
}
