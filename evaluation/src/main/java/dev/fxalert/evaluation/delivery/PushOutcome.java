package dev.fxalert.evaluation.delivery;

import java.util.Objects;

/** How a push ended for this round of sending. */
public record PushOutcome(Push push, Status status, int attempts, String detail) {

    public enum Status {
        /** Telegram accepted it and the pending push was cleared. */
        DELIVERED,
        /** The chat will never accept it: the user was deactivated and their alerts paused. */
        RECIPIENT_GONE,
        /**
         * Given up for good with a reason the operator can list: Telegram refused it permanently (400), the group
         * moved twice, or it failed in every allowed round.
         */
        DEAD_LETTERED,
        /**
         * A request got no answer after it was written: Telegram may have shown it. Never sent again (a second send
         * could be a duplicate); dead-lettered with the outcome-unknown mark.
         */
        OUTCOME_UNKNOWN,
        /** Not sent this time (retries exhausted, shutting down): still pending, a sweep sends it later. */
        LEFT_PENDING,
        /** Another send in this process is already handling the same push; not sent twice. */
        ALREADY_IN_PROGRESS
    }

    public PushOutcome {
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }
}
