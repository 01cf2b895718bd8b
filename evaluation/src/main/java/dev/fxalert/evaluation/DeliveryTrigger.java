package dev.fxalert.evaluation;

/**
 * Wakes the one delivery path that owns the bot's send budget after evaluation recorded pushes in the outbox:
 * locally the in-process drainer thread, on AWS an asynchronous invocation of the Delivery function. Must return
 * at once; it only signals (the outbox in the store is the hand-over, so a lost signal delays a push until the
 * next timer or sweep, it never loses one).
 */
@FunctionalInterface
public interface DeliveryTrigger {

    void pushesRecorded(String eventId, int count);
}
