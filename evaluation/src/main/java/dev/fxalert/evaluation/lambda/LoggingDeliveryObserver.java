package dev.fxalert.evaluation.lambda;

import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In Lambda, every attempt Telegram did not accept becomes a log line (deliveries are summed up in the invocation's
 * result line instead, to keep 10,000-push fan-outs from writing 10,000 lines). The sender reports on the
 * invocation's thread, so the line keeps its request id; its correlation id is the push's own rate event id, because
 * a sweep sends pushes of many events in one invocation.
 */
final class LoggingDeliveryObserver implements DeliveryObserver {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeliveryObserver.class);

    @Override
    public void onAttempt(DeliveryReport report) {
        DeliveryResult result = report.result();
        if (result instanceof DeliveryResult.Delivered) {
            return;
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
