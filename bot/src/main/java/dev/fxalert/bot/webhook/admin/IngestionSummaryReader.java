package dev.fxalert.bot.webhook.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.ingestion.IngestionSummaryJson;

/**
 * Reads what the ingestion Lambda returns as the admin API's {@link IngestionReport}. The wire format is not read
 * here but by {@link IngestionSummaryJson}, the class the ingestion Lambda writes it with, and the summary becomes a
 * report through {@link IngestionReport#of}, as in the local app; this class adds only Lambda's own error payload.
 */
final class IngestionSummaryReader {

    private final ObjectMapper json;
    private final IngestionSummaryJson summaries;

    IngestionSummaryReader(ObjectMapper json) {
        this.json = json;
        this.summaries = new IngestionSummaryJson(json);
    }

    /** @throws IngestionSummaryJson.MalformedSummaryException saying which field is missing or wrong */
    IngestionReport read(String payload) {
        return IngestionReport.of(summaries.fromJson(payload));
    }

    /**
     * The {@code errorType} of Lambda's error payload ({@code {"errorType":"...","errorMessage":"...","stackTrace":[...]}}),
     * e.g. {@code java.lang.IllegalStateException} or {@code Sandbox.Timedout}; the message is left out, as it may
     * quote anything the function saw.
     */
    String errorType(String errorPayload) {
        try {
            JsonNode root = json.readTree(errorPayload == null ? "" : errorPayload);
            JsonNode type = root == null ? null : root.get("errorType");
            return type == null || type.isNull() || type.asText().isBlank() ? "no error type given" : type.asText();
        } catch (JsonProcessingException e) {
            return "no error type given";
        }
    }
}
