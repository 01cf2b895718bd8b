package dev.fxalert.evaluation;

/**
 * What one drain of the outbox did.
 *
 * @param rounds    sending rounds (batches) handed to the sender
 * @param ownerGone pending pushes whose owner is unknown or inactive: not sent, closed
 * @param moreLeft  the drain stopped because its time was up while pushes were still due: whoever runs it should
 *                  run it again at once (the Delivery Lambda re-invokes itself)
 */
public record DrainResult(int rounds, int ownerGone, DeliveryCounts pushes, boolean moreLeft) {
}
