package dev.fxalert.ingestion.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.metrics.EmbeddedMetrics;
import dev.fxalert.core.metrics.EmbeddedMetrics.Metric;
import dev.fxalert.core.snapstart.SnapStartPriming;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.IngestionSummary;
import dev.fxalert.ingestion.RateProviders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ingestion Lambda, invoked by EventBridge Scheduler: runs one ingestion, logs one line with the summary
 * (the invocation's request id as correlation id, {@link LogCorrelation}) and returns the summary as JSON. No Spring: collaborators are built once
 * per container by {@link IngestionWiring}, on first use and again when the provider key was rotated (no secret is
 * read during init, so a SnapStart snapshot holds none). Each run also writes one CloudWatch EMF line with its provider failures. A run that fails as a whole (e.g. the alert store is unreachable) is logged and
 * rethrown so the invocation counts as failed and the scheduler's retry policy applies.
 */
public final class IngestionHandler implements RequestStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestionHandler.class);

    private final Supplier<IngestionService> service;
    private final SummaryJson summaries;
    private final ObjectMapper mapper;
    private final EmbeddedMetrics metrics;
    /** Kept referenced: the CRaC context may hold it weakly. Null for handlers built around a ready service. */
    private SnapStartPriming priming;

    /** What the Lambda runtime calls: everything from the environment. */
    public IngestionHandler() {
        this(Settings.fromSystemEnvironment());
    }

    private IngestionHandler(Settings settings) {
        this(IngestionWiring.fromEnvironment(settings, Secrets.fromEnvironment(), Clock.systemUTC()), settings);
    }

    /** As the runtime builds it, over the given service; registers the SnapStart hooks of its request path. */
    IngestionHandler(Supplier<IngestionService> service, Settings settings) {
        this(service);
        this.priming = SnapStartPriming.register("ingestion", () -> warmUp(settings), () -> { });
    }

    SnapStartPriming priming() {
        return priming;
    }

    /**
     * The SnapStart warm-up: the provider chain built as a run builds it, from the plain environment only (a key
     * kept in Secrets Manager is left out, so no secret is read), and never asked for a rate; a summary written
     * as a run writes it. The service is not built (that reads the provider key), and no provider, store or bus
     * is called.
     */
    private void warmUp(Settings settings) {
        IngestionConfig plain = IngestionConfig.from(settings, new Secrets(name -> settings.optional(name).orElse(null)));
        RateProviders.fromConfig(plain, Clock.systemUTC(), pause -> { }); // never asked, so it never waits
        Instant now = Instant.now();
        try {
            mapper.writeValueAsString(summaries.of(new IngestionSummary(now, now, 0, 0, 0, 0, 0, Map.of(), 0, List.of()),
                    "snapstart-priming"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests and other wiring: a ready service. */
    public IngestionHandler(IngestionService service) {
        this(() -> service);
    }

    private IngestionHandler(Supplier<IngestionService> service) {
        this.service = service;
        this.mapper = new ObjectMapper();
        this.summaries = new SummaryJson(mapper);
        this.metrics = new EmbeddedMetrics("ingestion", System.out, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes(); // the scheduler's payload carries nothing we need
        String correlationId = context == null ? "local" : context.getAwsRequestId();
        try (LogCorrelation.Scope ignored = LogCorrelation.invocation(correlationId)) {
            IngestionSummary summary;
            try {
                summary = service.get().runOnce();
            } catch (RuntimeException e) {
                log.error("ingestion failed", e); // a failed run fails the invocation: Lambda's Errors alarm
                throw e;
            }
            ObjectNode line = summaries.of(summary, correlationId);
            log.atInfo().addKeyValue("summary", line).log("ingestion finished");
            // Each metric name is a custom metric billed monthly (docs/cost.md): only what an operator watches.
            metrics.emit(Metric.count("ProviderFailures", summary.providerErrors()));
            output.write(mapper.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
        }
    }

}
