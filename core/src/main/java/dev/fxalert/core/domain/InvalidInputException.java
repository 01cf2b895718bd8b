package dev.fxalert.core.domain;

/** Input a person typed or sent that we refuse; the message is safe and specific enough to show them. */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }
}
