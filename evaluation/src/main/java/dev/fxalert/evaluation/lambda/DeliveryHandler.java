package dev.fxalert.evaluation.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.metrics.EmbeddedMetrics;
import dev.fxalert.core.metrics.EmbeddedMetrics.Metric;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.snapstart.SnapStartPriming;
import dev.fxalert.evaluation.DeliveryCounts;
import dev.fxalert.evaluation.DeliveryTrigger;
import dev.fxalert.evaluation.DrainResult;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.evaluation.digest.DigestBatch;
import dev.fxalert.evaluation.digest.DigestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Lambda entry of delivery, the one owner of the bot's send budget on AWS (reserved concurrency 1, see
 * docs/delivery.md). Input {@code {"action":"drain-outbox"}}, sent by evaluation when it recorded pushes, by the
 * sweep schedule (through evaluation's sweep) and by this function itself: it drains the outbox for at most
 * {@code DELIVERY_DRAIN_SECONDS} (and never closer than {@link #MARGIN} to its timeout) and, when pushes were
 * still due as time ran out, invokes itself again asynchronously and returns, so a fan-out of any size drains at
 * the limit across invocations without waiting for a sweep. The bot token is read on first use and again after a
 * rotation ({@link dev.fxalert.core.config.SecretBound}), never during init; each drain writes one EMF metrics line.
 * <p>
 * <b>Daily digests (issue 15).</b> A user's digest schedule (EventBridge Scheduler, one per user, in the user's zone)
 * invokes this function with {@link DigestSchedules#payload}, {@code {"action":"send-digest","userId":"..."}}: the
 * digest is sent from here so that it takes its slot from the one send budget (this function's limiter, reserved
 * concurrency 1) and never from a second sender. Priority: the invocation first drains the pushes that are due (an
 * alert's push never waits behind a digest; with nothing due that is one query), then sends the digest through
 * {@link DigestService} (claimed once per user and local date, a stale schedule deleted). A digest that Telegram
 * did not accept is not retried (claimed before sending: at most one a day), so the invocation still succeeds.
 * <p>
 * <b>Digest batches.</b> An invocation that claimed its user's digest also sends the other digests of the same time
 * of day that are due ({@link DigestBatch}), through the same budget, within the same drain time, draining the
 * pushes due meanwhile before each page; the queued invocations of those users then find their digest claimed and
 * return at once. So digests due in the same minute drain at the budget's pace, not one invocation per digest.
 * No self-invocation for digests: a user a batch did not reach has their own invocation still queued.
 */
public final class DeliveryHandler implements RequestStreamHandler {

    public static final String DRAIN_ACTION = "drain-outbox";
    /** Left of the invocation's time when the drain stops starting rounds: rounds in flight finish in it. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);

    private final Supplier<OutboxDelivery> delivery;
    /** Null for handlers built around a ready delivery without digests: a digest request is then refused. */
    private final Supplier<DigestBatch> digests;
    private final DeliveryTrigger again;
    private final Clock clock;
    private final Duration maxDrain;
    private final ObjectMapper mapper;
    private final Supplier<List<Metric>> deliveryMetrics;
    private final EmbeddedMetrics metrics;
    /** Kept referenced: the CRaC context may hold it weakly. Null for handlers built around a ready delivery. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: DynamoDB stores, Telegram token and settings from the environment. */
    public DeliveryHandler() {
        this(Settings.fromSystemEnvironment(), new LoggingDeliveryObserver());
    }

    private DeliveryHandler(Settings settings, LoggingDeliveryObserver observer) {
        this(DeliveryWiring.fromEnvironment(settings, Secrets.fromEnvironment(), Clock.systemUTC(), observer), observer);
        TelegramApiConfig telegram = DeliveryWiring.config(settings).telegramApi();
        this.priming = SnapStartPriming.register("delivery", () -> warmUp(telegram), () -> { });
    }

    /**
     * The SnapStart warm-up: the drain request read as this handler reads it, a push as the Telegram client writes
     * its sendMessage (the client built with a made-up token and never asked), and a result written as the
     * invocation's answer. The delivery is not built (it reads the bot token) and not drained, nothing is invoked
     * or sent.
     */
    void warmUp(TelegramApiConfig telegram) {
        try {
            mapper.readTree("{\"action\":\"" + DRAIN_ACTION + "\"}");
            TelegramNotifier.create("0:snapstart-priming", telegram);
            new ObjectMapper().writeValueAsString(TelegramNotifier.toSendMessage(OutgoingMessage.text(1, "priming")));
            mapper.writeValueAsString(new DrainResult(0, 0, DeliveryCounts.NONE, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeliveryHandler(DeliveryWiring wiring, LoggingDeliveryObserver observer) {
        this(wiring.delivery(), wiring.digests(), wiring.again(), Clock.systemUTC(), wiring.maxDrain(),
                new ObjectMapper(), observer::drainMetrics);
    }

    public DeliveryHandler(OutboxDelivery delivery, DeliveryTrigger again, Clock clock, Duration maxDrain,
                           ObjectMapper mapper) {
        this(() -> delivery, null, again, clock, maxDrain, mapper, List::of);
    }

    /** @param digests sends the digests this function's schedules ask for, through the same sender as delivery */
    public DeliveryHandler(OutboxDelivery delivery, DigestBatch digests, DeliveryTrigger again, Clock clock,
                           Duration maxDrain, ObjectMapper mapper) {
        this(() -> delivery, () -> digests, again, clock, maxDrain, mapper, List::of);
    }

    private DeliveryHandler(Supplier<OutboxDelivery> delivery, Supplier<DigestBatch> digests, DeliveryTrigger again,
                            Clock clock, Duration maxDrain, ObjectMapper mapper, Supplier<List<Metric>> deliveryMetrics) {
        this.delivery = delivery;
        this.digests = digests;
        this.again = again;
        this.clock = clock;
        this.maxDrain = maxDrain;
        this.mapper = mapper;
        this.deliveryMetrics = deliveryMetrics;
        this.metrics = new EmbeddedMetrics("delivery", System.out, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (LogCorrelation.Scope ignored = LogCorrelation.invocation(context == null ? null : context.getAwsRequestId())) {
            drain(input, output, context);
        }
    }

    private void drain(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request;
        try {
            request = mapper.readTree(input);
        } catch (JsonProcessingException e) {
            throw reject("input is not JSON: " + e.getOriginalMessage());
        }
        Optional<String> digestOf = request == null || digests == null ? Optional.empty()
                : DigestSchedules.userId(request.toString());
        if (digestOf.isEmpty() && (request == null || !DRAIN_ACTION.equals(request.path("action").asText(null)))) {
            throw reject("expected {\"action\":\"" + DRAIN_ACTION + "\"}"
                    + (digests == null ? "" : " or {\"action\":\"" + DigestSchedules.ACTION + "\",\"userId\":\"...\"}"));
        }
        // Pushes first, also when a digest's schedule invoked us: what is due goes out before the digest.
        Instant until = drainUntil(context);
        AtomicBoolean invokedAgain = new AtomicBoolean();
        DrainResult result = drainUntil(until, invokedAgain);
        if (digestOf.isPresent()) {
            // The pushes that become due during a batch go out between its pages (one query when none are).
            DigestBatch.Result batch = digests.get().send(digestOf.get(), until, () -> drainUntil(until, invokedAgain));
            log.atInfo().addKeyValue("userId", digestOf.get()).addKeyValue("outcome", batch.own())
                    .addKeyValue("batch", batch).log("daily digest");
            metrics.emit(deliveryMetrics.get());
            mapper.writeValue(output, new DigestResult(batch.own(), result, batch));
            return;
        }
        log.atInfo().addKeyValue("result", result).log("drained the outbox");
        metrics.emit(deliveryMetrics.get());
        mapper.writeValue(output, result);
    }

    /**
     * What a digest invocation did: the digest's outcome, the drain of due pushes that went before it, and the batch
     * of the other digests due at the same time that it sent.
     */
    public record DigestResult(DigestService.Outcome digest, DrainResult drained, DigestBatch.Result batch) {
    }

    /**
     * This invocation's drain time, for pushes and digest batches alike: {@code DELIVERY_DRAIN_SECONDS}, and never
     * closer than {@link #MARGIN} to its timeout.
     */
    private Instant drainUntil(Context context) {
        Duration budget = maxDrain;
        if (context != null) {
            Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
            budget = left.compareTo(budget) < 0 ? left : budget;
        }
        return clock.instant().plus(budget.isNegative() ? Duration.ZERO : budget);
    }

    /** One drain; invokes this function again (once per invocation) when it ended with pushes still due. */
    private DrainResult drainUntil(Instant until, AtomicBoolean invokedAgain) {
        DrainResult result;
        try {
            result = delivery.get().drain(until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("drain interrupted", e);
        }
        if (result.moreLeft() && invokedAgain.compareAndSet(false, true)) {
            // Reserved concurrency 1: this event runs once the current invocation has returned.
            again.pushesRecorded("delivery", 0);
        }
        return result;
    }

    private InvalidInputEventException reject(String problem) {
        log.atError().addKeyValue("error", problem).log("rejected invocation input");
        return new InvalidInputEventException(problem);
    }
}
