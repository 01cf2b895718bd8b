package dev.fxalert.admin.api;

/**
 * A request the admin API refuses or cannot serve, with the HTTP status and a stable machine-readable code. The
 * message is safe to show the operator: it never contains a secret or a stack trace.
 */
public class AdminProblem extends RuntimeException {

    private final int status;
    private final String code;

    public AdminProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static AdminProblem badRequest(String message) {
        return new AdminProblem(400, "invalid_request", message);
    }

    public static AdminProblem notFound(String code, String message) {
        return new AdminProblem(404, code, message);
    }

    public static AdminProblem conflict(String message) {
        return new AdminProblem(409, "conflict", message);
    }

    public static AdminProblem notWired(String what) {
        return new AdminProblem(503, "not_configured", what + " is not configured in this deployment.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
