package dev.fxalert.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.RateUpdated;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The wire form of {@link RateUpdated} (the EventBridge {@code detail}); documented in docs/events.md.
 * Rates travel as decimal strings so no JSON parser turns them into doubles.
 */
public final class RateUpdatedJson {

    private final ObjectMapper mapper;

    public RateUpdatedJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public RateUpdatedJson() {
        this(new ObjectMapper());
    }

    public String toDetail(RateUpdated event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("schemaVersion", event.schemaVersion());
        node.put("eventId", event.eventId());
        node.put("pair", event.pair().toString());
        node.put("base", event.pair().base());
        node.put("quote", event.pair().quote());
        node.put("rate", event.rate().toPlainString());
        node.put("provider", event.provider());
        node.put("observedAt", event.observedAt().toString());
        if (event.previousRate() == null) {
            node.putNull("previousRate");
        } else {
            node.put("previousRate", event.previousRate().toPlainString());
        }
        if (event.kind() != RateKind.MID) {
            node.put("kind", event.kind().name()); // only in version 2: a mid rate's detail is byte-for-byte version 1
        }
        return node.toString();
    }

    /** Parses a {@code detail} object; throws {@link MalformedEventException} saying which field is wrong. */
    public RateUpdated fromDetail(JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            throw new MalformedEventException("detail is missing or not an object");
        }
        int version = detail.path("schemaVersion").asInt(-1);
        if (version != RateUpdated.SCHEMA_VERSION && version != RateUpdated.SCHEMA_VERSION_WITH_KIND) {
            throw new MalformedEventException("unsupported schemaVersion " + detail.path("schemaVersion"));
        }
        try {
            CurrencyPair pair = CurrencyPair.parse(text(detail, "pair"));
            BigDecimal rate = new BigDecimal(text(detail, "rate"));
            JsonNode previous = detail.path("previousRate");
            BigDecimal previousRate = previous.isMissingNode() || previous.isNull() ? null : new BigDecimal(previous.asText());
            // Version 1 has no kind: it is the mid rate. Version 2 must say which kind it is.
            RateKind kind = version == RateUpdated.SCHEMA_VERSION ? RateKind.MID : RateKind.valueOf(text(detail, "kind"));
            return new RateUpdated(version, text(detail, "eventId"), pair, rate, text(detail, "provider"),
                    Instant.parse(text(detail, "observedAt")), previousRate, kind);
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEventException("invalid RateUpdated detail: " + e.getMessage());
        }
    }

    public RateUpdated fromDetail(String detailJson) {
        try {
            return fromDetail(mapper.readTree(detailJson));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedEventException("detail is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new MalformedEventException("field '" + field + "' is missing");
        }
        return value.asText();
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
