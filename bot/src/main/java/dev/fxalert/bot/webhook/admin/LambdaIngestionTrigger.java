package dev.fxalert.bot.webhook.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.ingestion.IngestionSummaryJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Runs one ingestion now by invoking the ingestion Lambda synchronously ({@code RequestResponse}) and reading the
 * summary it returns. Failures become admin errors the operator can act on: the function failed (502
 * {@code ingestion_failed}, with Lambda's error type and the request id to find its log), Lambda refused or could not
 * be reached (502 {@code ingestion_unavailable}), or no answer in time (504 {@code ingestion_timeout}).
 * <p>
 * The client never retries: a retried Invoke would run ingestion a second time, and the wait must stay within the
 * webhook function's timeout.
 */
public final class LambdaIngestionTrigger implements IngestionTrigger {

    /** What the schedule sends too; the ingestion handler ignores its input. */
    static final String PAYLOAD = "{\"action\":\"ingest\"}";
    private static final Logger log = LoggerFactory.getLogger(LambdaIngestionTrigger.class);

    private final LambdaClient lambda;
    private final IngestionInvokeConfig config;
    private final IngestionSummaryReader summaries;

    public LambdaIngestionTrigger(LambdaClient lambda, IngestionInvokeConfig config) {
        this.lambda = lambda;
        this.config = config;
        this.summaries = new IngestionSummaryReader(new ObjectMapper());
    }

    /**
     * A trigger whose client is built from {@code builder} (region and credentials as the caller set them, from the
     * environment by default) with the lightweight URL-connection HTTP client, the configured call timeout and no
     * retries.
     */
    public static LambdaIngestionTrigger create(LambdaClientBuilder builder, IngestionInvokeConfig config) {
        // The socket waits a little longer than the call, so running out of time is always the call timeout (504).
        LambdaClient client = builder
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(config.timeout().plusSeconds(1)))
                .overrideConfiguration(c -> c.apiCallTimeout(config.timeout()).retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        return new LambdaIngestionTrigger(client, config);
    }

    @Override
    public IngestionReport runNow() {
        InvokeResponse response = invoke();
        String requestId = response.responseMetadata().requestId();
        if (response.functionError() != null) {
            // Lambda's error payload carries the exception message; it stays in the ingestion function's log.
            String errorType = summaries.errorType(response.payload() == null ? null : response.payload().asUtf8String());
            log.warn("Ingestion function {} failed ({}, {}), request id {}", config.functionName(),
                    response.functionError(), errorType, requestId);
            throw new AdminProblem(502, "ingestion_failed", "The ingestion function " + config.functionName()
                    + " failed (" + errorType + "); its log has the details under request id " + requestId + ".");
        }
        try {
            return summaries.read(response.payload() == null ? null : response.payload().asUtf8String());
        } catch (IngestionSummaryJson.MalformedSummaryException e) {
            throw new AdminProblem(502, "ingestion_failed", "The ingestion function " + config.functionName()
                    + " ran, but its answer is not a run summary: " + e.getMessage() + " (request id " + requestId + ").");
        }
    }

    private InvokeResponse invoke() {
        try {
            return lambda.invoke(request -> request
                    .functionName(config.functionName())
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromUtf8String(PAYLOAD)));
        } catch (ApiCallTimeoutException e) {
            throw new AdminProblem(504, "ingestion_timeout", "The ingestion function " + config.functionName()
                    + " did not answer within " + waited() + "; the run goes on and its log"
                    + " has the outcome.");
        } catch (LambdaException e) {
            String code = e.awsErrorDetails() == null ? "unknown error" : e.awsErrorDetails().errorCode();
            log.warn("Lambda refused to invoke {}: {} (HTTP {})", config.functionName(), code, e.statusCode());
            throw new AdminProblem(502, "ingestion_unavailable", "Lambda refused to invoke the ingestion function "
                    + config.functionName() + ": " + code + " (HTTP " + e.statusCode() + ").");
        } catch (SdkException e) {
            if (e.getCause() instanceof java.net.SocketTimeoutException) {
                throw new AdminProblem(504, "ingestion_timeout", "The ingestion function " + config.functionName()
                        + " did not answer in time; the run goes on and its log has the outcome.");
            }
            log.warn("Could not reach Lambda to invoke {}", config.functionName(), e);
            throw new AdminProblem(502, "ingestion_unavailable", "Could not reach Lambda to invoke the ingestion function "
                    + config.functionName() + " (" + e.getClass().getSimpleName() + ").");
        }
    }

    private String waited() {
        long millis = config.timeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
