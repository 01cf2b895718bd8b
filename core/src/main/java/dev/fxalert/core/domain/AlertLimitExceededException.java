package dev.fxalert.core.domain;

/** The owner already has as many alerts as an operator allows per user. */
public class AlertLimitExceededException extends InvalidInputException {
    private final int limit;

    public AlertLimitExceededException(int limit) {
        super("You already have " + limit + " alerts, the most allowed. Delete one with /delete ID first.");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
