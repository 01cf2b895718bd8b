package dev.fxalert.evaluation.lambda;

/** The invocation input is neither a RateUpdated event nor a sweep request; the message says what is wrong. */
public final class InvalidInputEventException extends IllegalArgumentException {
    public InvalidInputEventException(String message) {
        super(message);
    }
}
