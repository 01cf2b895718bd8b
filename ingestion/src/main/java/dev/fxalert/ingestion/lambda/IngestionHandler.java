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
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.IngestionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    /** What the Lambda runtime calls: everything from the environment. */
    public IngestionHandler() {
        this(IngestionWiring.fromEnvironment(Settings.fromSystemEnvironment(), Secrets.fromEnvironment(),
                Clock.systemUTC()));
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
