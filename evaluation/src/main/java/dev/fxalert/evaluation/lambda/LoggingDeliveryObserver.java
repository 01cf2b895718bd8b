package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.DeliveryReport;

import java.util.LinkedHashMap;
import java.util.Map;

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

    @Override
    public void onAttempt(DeliveryReport report) {
        DeliveryResult result = report.result();
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
