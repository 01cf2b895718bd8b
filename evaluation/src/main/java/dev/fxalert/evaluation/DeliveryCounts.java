package dev.fxalert.evaluation;

import dev.fxalert.evaluation.delivery.PushOutcome;

import java.util.List;

/**
 * How the pushes of one evaluation or sweep ended.
 *
 * @param deadLettered   given up with a reason (permanent 400, migrated twice, every allowed round failed)
 * @param outcomeUnknown no answer after the request was written: not sent again, dead-lettered as unknown
 */
public record DeliveryCounts(int delivered, int recipientsGone, int leftPending, int alreadyInProgress,
                             int deadLettered, int outcomeUnknown) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, 0, 0);

    public static DeliveryCounts of(List<PushOutcome> outcomes) {
        int delivered = 0;
        int gone = 0;
        int pending = 0;
        int inProgress = 0;
        int dead = 0;
        int unknown = 0;
        for (PushOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case DELIVERED -> delivered++;
                case RECIPIENT_GONE -> gone++;
                case LEFT_PENDING -> pending++;
                case ALREADY_IN_PROGRESS -> inProgress++;
                case DEAD_LETTERED -> dead++;
                case OUTCOME_UNKNOWN -> unknown++;
            }
        }
        return new DeliveryCounts(delivered, gone, pending, inProgress, dead, unknown);
    }
}
