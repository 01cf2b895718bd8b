package dev.fxalert.evaluation;

/**
 * What one rate event did.
 *
 * @param crossed      ARMED alerts the store found crossed by the rate
 * @param fired        of those, the ones this call moved to FIRED (and so notified)
 * @param alreadyFired crossed alerts another caller (or an earlier delivery of this event) fired first
 * @param rearmed      FIRED re-arm alerts this call armed again
 * @param ownerGone    fired alerts whose owner is unknown or inactive: no push, pending cleared
 */
public record EvaluationResult(String eventId, int crossed, int fired, int alreadyFired, int rearmed, int ownerGone,
                               DeliveryCounts pushes) {
}
