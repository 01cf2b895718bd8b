package dev.fxalert.evaluation.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.event.RateUpdatedJson;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.metrics.EmbeddedMetrics;
import dev.fxalert.core.metrics.EmbeddedMetrics.Metric;
import dev.fxalert.core.snapstart.SnapStartPriming;
import dev.fxalert.evaluation.DeliveryCounts;
import dev.fxalert.evaluation.EvaluationResult;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.SweepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda entry of evaluation, no Spring: collaborators are built once per container by {@link EvaluationWiring}, on
 * first use and again after the bot token was rotated (no secret is read during init, so a SnapStart snapshot holds none).
 * Accepts an EventBridge event with detail-type {@code RateUpdated} (evaluates it) or {@code {"action":
 * "sweep-pending-pushes"}} from a schedule (sends pushes left pending). Anything else is logged and rejected
 * with an {@link InvalidInputEventException} naming the problem. Every log line of an invocation carries its request
 * id and, once read, the EventBridge event id as correlation id ({@link LogCorrelation}).
 * <p>
 * Runs with reserved concurrency 1 (see docs/delivery.md): the in-process pacing is then the bot's global limit.
 */
public final class EvaluationHandler implements RequestStreamHandler {

    public static final String SWEEP_ACTION = "sweep-pending-pushes";

    private static final Logger log = LoggerFactory.getLogger(EvaluationHandler.class);

    private final Supplier<EvaluationService> service;
    private final Supplier<List<Metric>> deliveryMetrics;
    private final EmbeddedMetrics metrics;
    private final ObjectMapper mapper;
    private final RateUpdatedJson events;
    /** Kept referenced: the CRaC context may hold it weakly. Null for handlers built around a ready service. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: DynamoDB stores, Telegram token and settings from the environment. */
    public EvaluationHandler() {
        this(new ObjectMapper(), new LoggingDeliveryObserver());
    }

    private EvaluationHandler(ObjectMapper mapper, LoggingDeliveryObserver observer) {
        this(EvaluationWiring.fromEnvironment(Settings.fromSystemEnvironment(), Secrets.fromEnvironment(),
                Clock.systemUTC(), observer), mapper,
                observer::drainMetrics);
        this.priming = SnapStartPriming.register("evaluation", this::warmUp, () -> { });
    }

    /**
     * The SnapStart warm-up: a RateUpdated event in the envelope EventBridge delivers, through this handler's own
     * parsing, and a result written as the invocation's answer. The service is not asked (it calls the stores,
     * and may read the bot token), so nothing leaves the process and no secret is read.
     */
    void warmUp() {
        try {
            RateUpdated sample = new RateUpdated(RateUpdated.SCHEMA_VERSION, "snapstart-priming",
                    CurrencyPair.of("USD", "KRW"), new BigDecimal("1385.20"), "priming", Instant.now(), null);
            String envelope = "{\"version\":\"0\",\"id\":\"snapstart-priming\",\"detail-type\":\""
                    + RateUpdated.DETAIL_TYPE + "\",\"detail\":" + events.toDetail(sample) + "}";
            RateUpdated parsed = parseRateUpdated(readRequest(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8))));
            mapper.writeValueAsString(new EvaluationResult(parsed.eventId(), 0, 0, 0, 0, 0, DeliveryCounts.NONE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EvaluationHandler(EvaluationService service, ObjectMapper mapper) {
        this(() -> service, mapper, List::of);
    }

    private EvaluationHandler(Supplier<EvaluationService> service, ObjectMapper mapper,
                              Supplier<List<Metric>> deliveryMetrics) {
        this.service = service;
        this.deliveryMetrics = deliveryMetrics;
        this.metrics = new EmbeddedMetrics("evaluation", System.out, Clock.systemUTC());
        this.mapper = mapper;
        this.events = new RateUpdatedJson(mapper);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (LogCorrelation.Scope ignored = LogCorrelation.invocation(context == null ? null : context.getAwsRequestId())) {
            JsonNode request = readRequest(input);
            if (request.hasNonNull("id")) {
                LogCorrelation.correlate(request.get("id").asText());
            }
            Object result;
            long started = System.nanoTime();
            if (SWEEP_ACTION.equals(request.path("action").asText(null))) {
                SweepResult sweep = service.get().sweepPendingPushes();
                log.atInfo().addKeyValue("result", sweep).log("swept pending pushes");
                metrics.emit(deliveryMetrics.get());
                result = sweep;
            } else if (request.has("detail-type")) {
                RateUpdated event = parseRateUpdated(request);
                EvaluationResult evaluation = service.get().onRateUpdated(event); // a failure: Lambda's Errors alarm
                log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("pair", event.pair().toString())
                        .addKeyValue("rate", event.rate().toPlainString()).addKeyValue("result", evaluation)
                        .log("evaluated rate event");
                List<Metric> values = new ArrayList<>(deliveryMetrics.get());
                values.add(Metric.count("CrossedAlerts", evaluation.crossed()));
                values.add(Metric.millis("EvaluationDuration", (System.nanoTime() - started) / 1_000_000));
                metrics.emit(values);
                result = evaluation;
            } else {
                throw reject("expected an EventBridge event with detail-type " + RateUpdated.DETAIL_TYPE
                        + " or {\"action\":\"" + SWEEP_ACTION + "\"}, got an object with fields " + fieldNames(request));
            }
            mapper.writeValue(output, result);
        }
    }

    private JsonNode readRequest(InputStream input) throws IOException {
        JsonNode request;
        try {
            request = mapper.readTree(input);
        } catch (JsonProcessingException e) {
            throw reject("input is not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw reject("input must be a JSON object, got " + (request == null ? "nothing" : request.getNodeType()));
        }
        return request;
    }

    private RateUpdated parseRateUpdated(JsonNode request) {
        String detailType = request.path("detail-type").asText();
        if (!RateUpdated.DETAIL_TYPE.equals(detailType)) {
            throw reject("unsupported detail-type '" + detailType + "'; only "
                    + RateUpdated.DETAIL_TYPE + " is evaluated");
        }
        try {
            return events.fromDetail(request.get("detail"));
        } catch (RateUpdatedJson.MalformedEventException e) {
            throw reject("malformed RateUpdated event: " + e.getMessage());
        }
    }

    private InvalidInputEventException reject(String problem) {
        log.atError().addKeyValue("error", problem).log("rejected invocation input");
        return new InvalidInputEventException(problem);
    }

    private static String fieldNames(JsonNode request) {
        StringBuilder names = new StringBuilder("[");
        request.fieldNames().forEachRemaining(name -> names.append(names.length() > 1 ? ", " : "").append(name));
        return names.append(']').toString();
    }
}
