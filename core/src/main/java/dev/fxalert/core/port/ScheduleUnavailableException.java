package dev.fxalert.core.port;

/** The scheduling service could not be reached or refused the change; nothing was changed by this call. */
public class ScheduleUnavailableException extends RuntimeException {
    public ScheduleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
