package dev.fxalert.admin.http;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as API Gateway hands it to the webhook Lambda for {@code /admin/{proxy+}}.
 *
 * @param path    the full path, e.g. {@code /admin/users/42}
 * @param query   single-valued query parameters (null for none)
 * @param headers request headers, looked up case-insensitively (null for none)
 * @param body    the request body, or null
 */
public record AdminHttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                               String body) {

    public AdminHttpRequest {
        method = method == null ? "" : method.strip();
        path = path == null ? "" : path;
        query = query == null ? Map.of() : Map.copyOf(withoutNulls(query));
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(withoutNulls(headers));
        }
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String queryParameter(String name) {
        return query.get(name);
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>();
        values.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
