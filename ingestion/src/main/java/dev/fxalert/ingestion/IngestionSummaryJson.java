package dev.fxalert.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import dev.fxalert.ingestion.guard.RejectionReason;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ingestion summary on the wire, both directions, in one place: the ingestion Lambda writes it (its log line and
 * its return value) and the webhook Lambda's admin route reads what {@code Invoke} returned. Both runtimes use this
 * class, so a field renamed here is renamed for both, and {@code IngestionSummaryJsonTest} pins the field names.
 * <pre>
 * {"startedAt":"2026-11-25T12:00:00Z","durationMs":2130,"pairsRequested":12,"pairsFetched":12,"published":3,
 *  "unchanged":9,"unpublished":0,"rejected":{"STALE":1},"providerErrors":0,
 *  "providers":[{"provider":"frankfurter","lastCalledAt":"2026-11-25T12:00:01Z","elapsedMs":400,"calls":2,
 *                "pairs":12,"rejectedQuotes":1,"error":null}]}
 * </pre>
 * Times are ISO-8601 instants, durations whole milliseconds; the reader ignores fields it does not know (the log
 * line adds {@code message} and {@code correlationId}).
 */
public final class IngestionSummaryJson {

    private final ObjectMapper mapper;

    public IngestionSummaryJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public IngestionSummaryJson() {
        this(new ObjectMapper());
    }

    public ObjectNode toJson(IngestionSummary summary) {
        ObjectNode node = mapper.createObjectNode();
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
        ArrayNode providers = node.putArray("providers");
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

    /** @throws MalformedSummaryException saying which field is missing or wrong; never quoting the payload */
    public IngestionSummary fromJson(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedSummaryException("it is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedSummaryException("it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedSummaryException("it is not a JSON object");
        }
        Instant startedAt = instant(root, "startedAt");
        long durationMs = wholeNumber(root, "durationMs");
        int pairsRequested = (int) wholeNumber(root, "pairsRequested");
        int pairsFetched = (int) wholeNumber(root, "pairsFetched");
        int published = (int) wholeNumber(root, "published");
        int unchanged = (int) wholeNumber(root, "unchanged");
        int unpublished = (int) wholeNumber(root, "unpublished");
        Map<RejectionReason, Integer> rejected = rejected(root.get("rejected"));
        int providerErrors = (int) wholeNumber(root, "providerErrors");
        JsonNode providers = root.get("providers");
        if (providers == null || !providers.isArray()) {
            throw new MalformedSummaryException("'providers' is missing or not a list");
        }
        List<ProviderRun> runs = new ArrayList<>();
        for (JsonNode provider : providers) {
            runs.add(providerRun(provider));
        }
        return new IngestionSummary(startedAt, startedAt.plusMillis(durationMs), pairsRequested, pairsFetched,
                published, unchanged, unpublished, rejected, providerErrors, runs);
    }

    private static Map<RejectionReason, Integer> rejected(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedSummaryException("'rejected' is missing or not an object");
        }
        Map<RejectionReason, Integer> rejected = new EnumMap<>(RejectionReason.class);
        for (Iterator<String> reasons = node.fieldNames(); reasons.hasNext(); ) {
            String reason = reasons.next();
            try {
                rejected.put(RejectionReason.valueOf(reason), (int) wholeNumber(node, reason));
            } catch (IllegalArgumentException e) {
                throw new MalformedSummaryException("'rejected' names an unknown reason");
            }
        }
        return rejected;
    }

    private static ProviderRun providerRun(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedSummaryException("an entry of 'providers' is not an object");
        }
        String name = text(node, "provider");
        if (name == null) {
            throw new MalformedSummaryException("a provider has no 'provider' name");
        }
        Instant calledAt = text(node, "lastCalledAt") == null ? null : instant(node, "lastCalledAt");
        return new ProviderRun(name, calledAt, wholeNumber(node, "elapsedMs"), (int) wholeNumber(node, "calls"),
                (int) wholeNumber(node, "pairs"), (int) wholeNumber(node, "rejectedQuotes"), text(node, "error"));
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
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new MalformedSummaryException("'" + field + "' is missing or not a whole number from 0");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /** The payload is not an ingestion summary; the message says which field, never the payload. */
    public static final class MalformedSummaryException extends RuntimeException {
        public MalformedSummaryException(String reason) {
            super(reason);
        }
    }
}
