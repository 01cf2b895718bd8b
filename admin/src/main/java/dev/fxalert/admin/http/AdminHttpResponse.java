package dev.fxalert.admin.http;

import java.util.Map;

/** Status, headers and a JSON body, ready to map onto an API Gateway proxy response. */
public record AdminHttpResponse(int status, Map<String, String> headers, String body) {
    public AdminHttpResponse {
        headers = Map.copyOf(headers);
    }
}
