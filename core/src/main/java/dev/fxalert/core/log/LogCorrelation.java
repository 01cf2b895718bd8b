package dev.fxalert.core.log;

import org.slf4j.MDC;

/**
 * The two fields that tie a log line to what caused it, kept in SLF4J's MDC; the Lambda jars' JSON encoder writes
 * every MDC entry as a top-level field of each line (infra/lambda/logback.xml).
 * <ul>
 *   <li>{@value #REQUEST_ID}: the Lambda invocation's request id, to find the invocation in CloudWatch;</li>
 *   <li>{@value #CORRELATION_ID}: the id of what is being handled, to follow it across functions: the EventBridge
 *       event id in evaluation, the Telegram {@code update_id} in the webhook, the scheduler invocation's request id
 *       in ingestion. Until a handler knows it, it is the request id.</li>
 * </ul>
 * The MDC belongs to a thread: a handler opens the {@link #invocation} on the thread the runtime calls it on, and
 * work run on other threads names its correlation itself with {@link #correlated}.
 */
public final class LogCorrelation {

    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";

    private LogCorrelation() {
    }

    /** Starts an invocation's log context on this thread; closing it clears both fields. */
    public static Scope invocation(String requestId) {
        String id = requestId == null ? "unknown" : requestId;
        MDC.put(REQUEST_ID, id);
        MDC.put(CORRELATION_ID, id);
        return () -> {
            MDC.remove(REQUEST_ID);
            MDC.remove(CORRELATION_ID);
        };
    }

    /** The correlation id of the rest of the invocation on this thread, once the handler has read it. */
    public static void correlate(String correlationId) {
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId);
        }
    }

    /** One piece of work under its own correlation id; closing it restores what this thread had before. */
    public static Scope correlated(String correlationId) {
        String previous = MDC.get(CORRELATION_ID);
        correlate(correlationId);
        return () -> {
            if (previous == null) {
                MDC.remove(CORRELATION_ID);
            } else {
                MDC.put(CORRELATION_ID, previous);
            }
        };
    }

    /** A log context to close in try-with-resources; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
