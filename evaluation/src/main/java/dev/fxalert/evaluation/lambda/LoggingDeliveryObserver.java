package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.DeliveryReport;

import dev.fxalert.core.metrics.EmbeddedMetrics.Metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In Lambda, every attempt Telegram did not accept becomes a JSON log line (deliveries are summed up in the
 * invocation's result line instead, to keep 10,000-push fan-outs from writing 10,000 lines). The rate event id is
 * the correlation id here: the observer outlives single invocations.
 */
final class LoggingDeliveryObserver implements DeliveryObserver {

    private final JsonLog log;

    LoggingDeliveryObserver(JsonLog log) {
        this.log = log;
    }

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
        } else if (result instanceof DeliveryResult.RetryAfter) {
            retryAfter.incrementAndGet();
        } else if (result instanceof DeliveryResult.RecipientGone) {
            recipientGone.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        if (result instanceof DeliveryResult.Delivered) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("alertId", report.push().alertId());
        fields.put("chatId", report.push().chatId());
        fields.put("attempt", report.attempt());
        fields.put("result", result.getClass().getSimpleName());
        fields.put("detail", result.toString());
        fields.put("eventToPushLagMs", report.eventToPushLag().toMillis());
        log.warn(report.push().eventId(), "push not accepted by Telegram", fields);
    }
}
