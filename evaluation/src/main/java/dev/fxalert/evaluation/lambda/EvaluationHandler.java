package dev.fxalert.evaluation.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.event.RateUpdatedJson;
import dev.fxalert.core.metrics.EmbeddedMetrics;
import dev.fxalert.core.metrics.EmbeddedMetrics.Metric;
import dev.fxalert.evaluation.EvaluationResult;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.SweepResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda entry of evaluation, no Spring: collaborators are built once per container in the constructor.
 * Accepts an EventBridge event with detail-type {@code RateUpdated} (evaluates it) or {@code {"action":
 * "sweep-pending-pushes"}} from a schedule (sends pushes left pending). Anything else is logged and rejected
 * with an {@link InvalidInputEventException} naming the problem.
 * <p>
 * Runs with reserved concurrency 1 (see docs/delivery.md): the in-process pacing is then the bot's global limit.
 */
public final class EvaluationHandler implements RequestStreamHandler {

    public static final String SWEEP_ACTION = "sweep-pending-pushes";

    private final Supplier<EvaluationService> service;
    private final Supplier<List<Metric>> deliveryMetrics;
    private final EmbeddedMetrics metrics;
    private final ObjectMapper mapper;
    private final RateUpdatedJson events;
    private final JsonLog log;

    /** Used by the Lambda runtime: DynamoDB stores, Telegram token and settings from the environment. */
    public EvaluationHandler() {
        this(new ObjectMapper(), new JsonLog(new ObjectMapper(), System.out, Clock.systemUTC()));
    }

    private EvaluationHandler(ObjectMapper mapper, JsonLog log) {
        this(mapper, log, new LoggingDeliveryObserver(log));
    }

    private EvaluationHandler(ObjectMapper mapper, JsonLog log, LoggingDeliveryObserver observer) {
        this(EvaluationWiring.fromEnvironment(System.getenv(), Clock.systemUTC(), observer), mapper, log,
                observer::drainMetrics);
    }

    public EvaluationHandler(EvaluationService service, ObjectMapper mapper, Clock clock) {
        this(service, mapper, new JsonLog(mapper, System.out, clock));
    }

    public EvaluationHandler(EvaluationService service, ObjectMapper mapper, JsonLog log) {
        this(() -> service, mapper, log);
    }

    private EvaluationHandler(Supplier<EvaluationService> service, ObjectMapper mapper, JsonLog log) {
        this(service, mapper, log, List::of);
    }

    private EvaluationHandler(Supplier<EvaluationService> service, ObjectMapper mapper, JsonLog log,
                              Supplier<List<Metric>> deliveryMetrics) {
        this.deliveryMetrics = deliveryMetrics;
        this.metrics = new EmbeddedMetrics("evaluation", System.out, Clock.systemUTC());
        this.service = service;
        this.mapper = mapper;
        this.events = new RateUpdatedJson(mapper);
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String fallbackId = context == null ? "unknown" : context.getAwsRequestId();
        JsonNode request = readRequest(input, fallbackId);
        String correlationId = request.hasNonNull("id") ? request.get("id").asText() : fallbackId;
        Object result;
        long started = System.nanoTime();
        if (SWEEP_ACTION.equals(request.path("action").asText(null))) {
            SweepResult sweep = service.get().sweepPendingPushes();
            log.info(correlationId, "swept pending pushes", Map.of("result", sweep));
            metrics.emit(deliveryMetrics.get());
            result = sweep;
        } else if (request.has("detail-type")) {
            RateUpdated event = parseRateUpdated(request, correlationId);
            EvaluationResult evaluation = service.get().onRateUpdated(event); // a failure: Lambda's Errors alarm
            log.info(correlationId, "evaluated rate event", Map.of("eventId", event.eventId(),
                    "pair", event.pair().toString(), "rate", event.rate().toPlainString(), "result", evaluation));
            List<Metric> values = new ArrayList<>(deliveryMetrics.get());
            values.add(Metric.count("CrossedAlerts", evaluation.crossed()));
            values.add(Metric.millis("EvaluationDuration", (System.nanoTime() - started) / 1_000_000));
            metrics.emit(values);
            result = evaluation;
        } else {
            throw reject(correlationId, "expected an EventBridge event with detail-type " + RateUpdated.DETAIL_TYPE
                    + " or {\"action\":\"" + SWEEP_ACTION + "\"}, got an object with fields " + fieldNames(request));
        }
        mapper.writeValue(output, result);
    }

    private JsonNode readRequest(InputStream input, String correlationId) throws IOException {
        JsonNode request;
        try {
            request = mapper.readTree(input);
        } catch (JsonProcessingException e) {
            throw reject(correlationId, "input is not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw reject(correlationId, "input must be a JSON object, got " + (request == null ? "nothing" : request.getNodeType()));
        }
        return request;
    }

    private RateUpdated parseRateUpdated(JsonNode request, String correlationId) {
        String detailType = request.path("detail-type").asText();
        if (!RateUpdated.DETAIL_TYPE.equals(detailType)) {
            throw reject(correlationId, "unsupported detail-type '" + detailType + "'; only "
                    + RateUpdated.DETAIL_TYPE + " is evaluated");
        }
        try {
            return events.fromDetail(request.get("detail"));
        } catch (RateUpdatedJson.MalformedEventException e) {
            throw reject(correlationId, "malformed RateUpdated event: " + e.getMessage());
        }
    }

    private InvalidInputEventException reject(String correlationId, String problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("error", problem);
        log.error(correlationId, "rejected invocation input", fields);
        return new InvalidInputEventException(problem);
    }

    private static String fieldNames(JsonNode request) {
        StringBuilder names = new StringBuilder("[");
        request.fieldNames().forEachRemaining(name -> names.append(names.length() > 1 ? ", " : "").append(name));
        return names.append(']').toString();
    }
}
