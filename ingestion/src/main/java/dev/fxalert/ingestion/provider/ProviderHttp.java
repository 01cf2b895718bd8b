package dev.fxalert.ingestion.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.Numbers;
import dev.fxalert.core.port.RateProvider.FailureKind;
import dev.fxalert.core.port.RateProvider.FetchException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;

/**
 * GETs a JSON document and turns every transport failure into a {@link FetchException} of the right kind.
 * Messages name the provider and a caller-chosen description of the request, never the URL: Korea Eximbank's
 * key travels in the query string.
 */
final class ProviderHttp {

    private final OkHttpClient client;
    private final ObjectMapper mapper;
    private final String provider;

    ProviderHttp(OkHttpClient client, String provider) {
        this.client = client;
        this.provider = provider;
        // Rates stay decimals from the wire on: no double ever sees them.
        this.mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** @param description what was asked, safe to log, e.g. {@code latest USD} */
    Response get(HttpUrl url, String description) {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try {
            return client.newCall(request).execute();
        } catch (InterruptedIOException e) {
            // SocketTimeoutException and OkHttp's call timeout both land here.
            throw failure(FailureKind.TIMEOUT, description + " timed out");
        } catch (IOException e) {
            // The exception's own message may quote the URL; only its type is kept.
            throw failure(FailureKind.SERVER_ERROR, description + " failed: " + e.getClass().getSimpleName());
        }
    }

    /** Fails for non-2xx statuses, by kind: 429 rate limited, 5xx server error, other 4xx rejected. */
    JsonNode json(Response response, String description) {
        try (response; ResponseBody body = response.body()) {
            int status = response.code();
            if (status == 429) {
                throw failure(FailureKind.RATE_LIMITED, description + " answered HTTP 429 (too many requests)");
            }
            if (status >= 500) {
                throw failure(FailureKind.SERVER_ERROR, description + " answered HTTP " + status);
            }
            if (status < 200 || status > 299) {
                throw failure(FailureKind.REJECTED, description + " answered HTTP " + status);
            }
            String text = body.string();
            if (text.isBlank()) {
                throw failure(FailureKind.MALFORMED_RESPONSE, description + " answered an empty body");
            }
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw failure(FailureKind.MALFORMED_RESPONSE, description + " answered something that is not JSON");
        } catch (InterruptedIOException e) {
            throw failure(FailureKind.TIMEOUT, description + " timed out while reading the body");
        } catch (IOException e) {
            throw failure(FailureKind.SERVER_ERROR, description + " broke off while reading: " + e.getClass().getSimpleName());
        }
    }

    JsonNode getJson(HttpUrl url, String description) {
        return json(get(url, description), description);
    }

    FetchException failure(FailureKind kind, String message) {
        return new FetchException(provider, kind, message);
    }

    /** A JSON rate as the provider wrote it: numbers as plain decimals, text as is, null when absent. */
    static String decimalText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            // toPlainString of 1e999999999 is a billion digits; the guards reject it from its exponent
            return Numbers.isWithinBounds(number) ? number.toPlainString() : number.toString();
        }
        return value.asText();
    }

    static HttpUrl baseUrl(String baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return url;
    }
}
