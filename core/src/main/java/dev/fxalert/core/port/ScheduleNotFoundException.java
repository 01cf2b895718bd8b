package dev.fxalert.core.port;

/** The schedule a {@link ScheduleManager} was asked about does not exist (deleted, or a wrong name configured). */
public class ScheduleNotFoundException extends RuntimeException {
    public ScheduleNotFoundException(String message) {
        super(message);
    }
}
