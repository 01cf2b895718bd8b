package dev.fxalert.admin.api;

/** The JSON body of every admin error: {@code {"error":"invalid_request","message":"..."}}. */
public record ErrorBody(String error, String message) {
}
