package dev.fxalert.evaluation;

import dev.fxalert.evaluation.delivery.PushOutcome;

import java.util.List;

/** How the pushes of one evaluation or sweep ended. */
public record DeliveryCounts(int delivered, int recipientsGone, int leftPending, int alreadyInProgress) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0);

    public static DeliveryCounts of(List<PushOutcome> outcomes) {
        int delivered = 0;
        int gone = 0;
        int pending = 0;
        int inProgress = 0;
        for (PushOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case DELIVERED -> delivered++;
                case RECIPIENT_GONE -> gone++;
                case LEFT_PENDING -> pending++;
                case ALREADY_IN_PROGRESS -> inProgress++;
            }
        }
        return new DeliveryCounts(delivered, gone, pending, inProgress);
    }
}
