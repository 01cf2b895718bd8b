package dev.fxalert.evaluation.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.evaluation.DeliveryTrigger;
import dev.fxalert.evaluation.DrainResult;
import dev.fxalert.evaluation.OutboxDelivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry of delivery, the one owner of the bot's send budget on AWS (reserved concurrency 1, see
 * docs/delivery.md). Input {@code {"action":"drain-outbox"}}, sent by evaluation when it recorded pushes, by the
 * sweep schedule (through evaluation's sweep) and by this function itself: it drains the outbox for at most
 * {@code DELIVERY_DRAIN_SECONDS} (and never closer than {@link #MARGIN} to its timeout) and, when pushes were
 * still due as time ran out, invokes itself again asynchronously and returns, so a fan-out of any size drains at
 * the limit across invocations without waiting for a sweep.
 */
public final class DeliveryHandler implements RequestStreamHandler {

    public static final String DRAIN_ACTION = "drain-outbox";
    /** Left of the invocation's time when the drain stops starting rounds: rounds in flight finish in it. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private final OutboxDelivery delivery;
    private final DeliveryTrigger again;
    private final Clock clock;
    private final Duration maxDrain;
    private final ObjectMapper mapper;
    private final JsonLog log;

    /** Used by the Lambda runtime: DynamoDB stores, Telegram token and settings from the environment. */
    public DeliveryHandler() {
        this(DeliveryWiring.fromEnvironment(System.getenv(), Clock.systemUTC(),
                new JsonLog(new ObjectMapper(), System.out, Clock.systemUTC())));
    }

    private DeliveryHandler(DeliveryWiring wiring) {
        this(wiring.delivery(), wiring.again(), Clock.systemUTC(), wiring.maxDrain(), new ObjectMapper(), wiring.log());
    }

    public DeliveryHandler(OutboxDelivery delivery, DeliveryTrigger again, Clock clock, Duration maxDrain,
                           ObjectMapper mapper, JsonLog log) {
        this.delivery = delivery;
        this.again = again;
        this.clock = clock;
        this.maxDrain = maxDrain;
        this.mapper = mapper;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String correlationId = context == null ? "unknown" : context.getAwsRequestId();
        JsonNode request;
        try {
            request = mapper.readTree(input);
        } catch (JsonProcessingException e) {
            throw reject(correlationId, "input is not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !DRAIN_ACTION.equals(request.path("action").asText(null))) {
            throw reject(correlationId, "expected {\"action\":\"" + DRAIN_ACTION + "\"}");
        }
        Duration budget = maxDrain;
        if (context != null) {
            Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
            budget = left.compareTo(budget) < 0 ? left : budget;
        }
        Instant until = clock.instant().plus(budget.isNegative() ? Duration.ZERO : budget);
        DrainResult result;
        try {
            result = delivery.drain(until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("drain interrupted", e);
        }
        if (result.moreLeft()) {
            // Reserved concurrency 1: this event runs once the current invocation has returned.
            again.pushesRecorded("delivery", 0);
        }
        log.info(correlationId, "drained the outbox", Map.of("result", result));
        mapper.writeValue(output, result);
    }

    private InvalidInputEventException reject(String correlationId, String problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("error", problem);
        log.error(correlationId, "rejected invocation input", fields);
        return new InvalidInputEventException(problem);
    }
}
