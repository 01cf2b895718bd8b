package dev.fxalert.evaluation;

/**
 * What one sweep of pending pushes did.
 *
 * @param found        pending pushes read (at most the batch size)
 * @param tooFresh     younger than the grace period: left to the evaluation that is probably sending them
 * @param ownerGone    owner unknown or inactive: not sent, pending cleared
 */
public record SweepResult(int found, int tooFresh, int ownerGone, DeliveryCounts pushes) {
}
