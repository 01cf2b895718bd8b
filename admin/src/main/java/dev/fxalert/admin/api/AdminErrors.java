package dev.fxalert.admin.api;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.port.ScheduleNotFoundException;
import dev.fxalert.core.port.ScheduleUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what a service threw to a status and an {@link ErrorBody}, the same way for the Lambda router and the Spring
 * controllers. Unexpected failures are logged here and answered with a generic message, so no internals leak.
 */
public final class AdminErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

    private AdminErrors() {
    }

    public record Mapped(int status, ErrorBody body) {
    }

    public static Mapped map(Throwable error) {
        if (error instanceof AdminProblem problem) {
            return new Mapped(problem.status(), new ErrorBody(problem.code(), problem.getMessage()));
        }
        if (error instanceof InvalidInputException invalid) {
            return new Mapped(400, new ErrorBody("invalid_request", invalid.getMessage()));
        }
        if (error instanceof ScheduleNotFoundException notFound) {
            return new Mapped(404, new ErrorBody("schedule_not_found", notFound.getMessage()));
        }
        if (error instanceof ScheduleUnavailableException unavailable) {
            log.warn("Schedule service failed: {}", unavailable.getMessage(), unavailable.getCause());
            return new Mapped(502, new ErrorBody("schedule_unavailable", unavailable.getMessage()));
        }
        log.error("Admin request failed unexpectedly", error);
        return new Mapped(500, new ErrorBody("internal_error", "The request failed unexpectedly; the server log has the details."));
    }

    public static Mapped unauthorized(boolean tokenPresented) {
        return new Mapped(401, new ErrorBody("unauthorized", tokenPresented
                ? "The bearer token is not valid."
                : "Send the admin token as 'Authorization: Bearer <token>'."));
    }

    public static Mapped disabled() {
        return new Mapped(404, new ErrorBody("not_found", "Not found."));
    }
}
