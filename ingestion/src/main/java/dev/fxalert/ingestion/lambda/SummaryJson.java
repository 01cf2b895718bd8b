package dev.fxalert.ingestion.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fxalert.ingestion.IngestionSummary;
import dev.fxalert.ingestion.IngestionSummaryJson;

/**
 * The one structured log line (and the return value) of an ingestion invocation: {@code message} and
 * {@code correlationId} around the summary written by {@link IngestionSummaryJson}, the format the admin route reads.
 */
final class SummaryJson {

    private final ObjectMapper mapper;
    private final IngestionSummaryJson wire;

    SummaryJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.wire = new IngestionSummaryJson(mapper);
    }

    /** The log line: what happened, the correlation id, then the summary as the one wire format has it. */
    ObjectNode of(IngestionSummary summary, String correlationId) {
        ObjectNode node = mapper.createObjectNode();
        node.put("message", "ingestion finished");
        node.put("correlationId", correlationId);
        node.setAll(wire.toJson(summary));
        return node;
    }
}
