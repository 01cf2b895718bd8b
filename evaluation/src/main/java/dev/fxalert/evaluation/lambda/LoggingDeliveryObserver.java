package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.metrics.EmbeddedMetrics.Metric;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In Lambda, every attempt Telegram did not accept becomes a log line (deliveries are summed up in the invocation's
 * result line instead, to keep 10,000-push fan-outs from writing 10,000 lines), and every attempt is counted for the
 * invocation's metrics line. The sender reports on the invocation's thread, so the line keeps its request id; its
 * correlation id is the push's own rate event id, because a sweep sends pushes of many events in one invocation.
 */
final class LoggingDeliveryObserver implements DeliveryObserver {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeliveryObserver.class);

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retryAfter = new AtomicLong();
    private final AtomicLong recipientGone = new AtomicLong();

    /**
     * Attempts by outcome since the last call, as metrics (one EMF line per invocation, not per push). Blocked
     * users are not a failure of ours and are left to the log.
     */
    List<Metric> drainMetrics() {
        recipientGone.set(0);
        return List.of(Metric.count("PushesSent", sent.getAndSet(0)), Metric.count("PushesFailed", failed.getAndSet(0)),
                Metric.count("PushesRetryAfter", retryAfter.getAndSet(0)));
    }

    @Override
    public void onAttempt(DeliveryReport report) {
        DeliveryResult result = report.result();
        if (result instanceof DeliveryResult.Delivered) {
            sent.incrementAndGet();
            return;
        }
        if (result instanceof DeliveryResult.RetryAfter) {
            retryAfter.incrementAndGet();
        } else if (result instanceof DeliveryResult.RecipientGone) {
            recipientGone.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        try (LogCorrelation.Scope ignored = LogCorrelation.correlated(report.push().eventId())) {
            log.atWarn()
                    .addKeyValue("alertId", report.push().alertId())
                    .addKeyValue("chatId", report.push().chatId())
                    .addKeyValue("attempt", report.attempt())
                    .addKeyValue("result", result.getClass().getSimpleName())
                    .addKeyValue("detail", result.toString())
                    .addKeyValue("eventToPushLagMs", report.eventToPushLag().toMillis())
                    .log("push not accepted by Telegram");
        }
    }
}
