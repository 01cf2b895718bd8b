package dev.fxalert.bot.webhook.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.ProviderRun;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON summary the ingestion Lambda returns (written by {@code dev.fxalert.ingestion.lambda.SummaryJson}:
 * {@code startedAt}, {@code durationMs}, {@code published}, {@code unpublished} and {@code providers} with
 * {@code provider}, {@code lastCalledAt}, {@code pairs}, {@code rejectedQuotes}, {@code error}) as the admin API's
 * {@link IngestionReport}. A provider that was not called in the run is reported at the run's start, as the local
 * app does.
 */
final class IngestionSummaryReader {

    private final ObjectMapper json;

    IngestionSummaryReader(ObjectMapper json) {
        this.json = json;
    }

    /** @throws MalformedSummaryException saying which field is missing or wrong; never quoting the payload */
    IngestionReport read(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedSummaryException("it is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedSummaryException("it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedSummaryException("it is not a JSON object");
        }
        Instant startedAt = instant(root, "startedAt");
        long durationMs = wholeNumber(root, "durationMs");
        JsonNode providers = root.get("providers");
        if (providers == null || !providers.isArray()) {
            throw new MalformedSummaryException("'providers' is missing or not a list");
        }
        List<ProviderRun> runs = new ArrayList<>();
        for (JsonNode provider : providers) {
            runs.add(providerRun(provider, startedAt));
        }
        return new IngestionReport(startedAt, startedAt.plusMillis(durationMs), runs,
                (int) wholeNumber(root, "published"), (int) wholeNumber(root, "unpublished"));
    }

    /**
     * The {@code errorType} of Lambda's error payload ({@code {"errorType":"...","errorMessage":"...","stackTrace":[...]}}),
     * e.g. {@code java.lang.IllegalStateException} or {@code Sandbox.Timedout}; the message is left out, as it may
     * quote anything the function saw.
     */
    String errorType(String errorPayload) {
        try {
            JsonNode root = json.readTree(errorPayload == null ? "" : errorPayload);
            String type = root == null ? null : text(root, "errorType");
            return type == null ? "no error type given" : type;
        } catch (JsonProcessingException e) {
            return "no error type given";
        }
    }

    private ProviderRun providerRun(JsonNode node, Instant runStart) {
        if (!node.isObject()) {
            throw new MalformedSummaryException("an entry of 'providers' is not an object");
        }
        String name = text(node, "provider");
        if (name == null) {
            throw new MalformedSummaryException("a provider has no 'provider' name");
        }
        Instant calledAt = text(node, "lastCalledAt") == null ? runStart : instant(node, "lastCalledAt");
        return new ProviderRun(name, calledAt, (int) wholeNumber(node, "pairs"), (int) wholeNumber(node, "rejectedQuotes"),
                text(node, "error"));
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new MalformedSummaryException("'" + field + "' is missing");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new MalformedSummaryException("'" + field + "' is not an ISO-8601 instant");
        }
    }

    private static long wholeNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || value.asLong() < 0) {
            throw new MalformedSummaryException("'" + field + "' is missing or not a whole number from 0");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /** The payload is not an ingestion summary. */
    static final class MalformedSummaryException extends RuntimeException {
        MalformedSummaryException(String reason) {
            super(reason);
        }
    }
}
