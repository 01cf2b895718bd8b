package dev.fxalert.ingestion.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fxalert.ingestion.IngestionSummary;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;

/** The one structured log line (and the return value) of an ingestion invocation. */
final class SummaryJson {

    private final ObjectMapper mapper;

    SummaryJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode of(IngestionSummary summary, String correlationId) {
        ObjectNode node = mapper.createObjectNode();
        node.put("message", "ingestion finished");
        node.put("correlationId", correlationId);
        node.put("startedAt", summary.startedAt().toString());
        node.put("durationMs", summary.duration().toMillis());
        node.put("pairsRequested", summary.pairsRequested());
        node.put("pairsFetched", summary.pairsFetched());
        node.put("published", summary.published());
        node.put("unchanged", summary.unchanged());
        node.put("unpublished", summary.unpublished());
        ObjectNode rejected = node.putObject("rejected");
        summary.rejected().forEach((reason, count) -> rejected.put(reason.name(), count));
        node.put("providerErrors", summary.providerErrors());
        var providers = node.putArray("providers");
        for (ProviderRun run : summary.providers()) {
            ObjectNode p = providers.addObject();
            p.put("provider", run.provider());
            p.put("lastCalledAt", run.lastCalledAt() == null ? null : run.lastCalledAt().toString());
            p.put("elapsedMs", run.elapsedMillis());
            p.put("calls", run.calls());
            p.put("pairs", run.pairs());
            p.put("rejectedQuotes", run.rejectedQuotes());
            p.put("error", run.error());
        }
        return node;
    }

    ObjectNode failure(RuntimeException error, String correlationId) {
        ObjectNode node = mapper.createObjectNode();
        node.put("message", "ingestion failed");
        node.put("correlationId", correlationId);
        node.put("error", error.getClass().getSimpleName() + ": " + error.getMessage());
        return node;
    }
}
