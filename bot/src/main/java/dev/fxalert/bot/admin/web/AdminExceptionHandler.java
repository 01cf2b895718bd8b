package dev.fxalert.bot.admin.web;

import dev.fxalert.admin.api.AdminErrors;
import dev.fxalert.admin.api.ErrorBody;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the admin controllers as the same JSON bodies and statuses as the Lambda router. */
@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminExceptionHandler {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadableBody(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("invalid_request",
                "The request body must be a JSON object, e.g. {\"expression\":\"rate(5 minutes)\"} or {\"text\":\"...\"}."));
    }

    /** Service errors via {@link AdminErrors}; Spring's own refusals (media type, method...) keep their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> error(Exception e) {
        if (e instanceof ErrorResponse refusal) {
            String detail = refusal.getBody().getDetail();
            return ResponseEntity.status(refusal.getStatusCode())
                    .body(new ErrorBody("invalid_request", detail == null ? "The request was refused." : detail));
        }
        AdminErrors.Mapped mapped = AdminErrors.map(e);
        return ResponseEntity.status(mapped.status()).body(mapped.body());
    }
}
