package dev.fxalert.admin.testing;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.evaluation.delivery.Push;

import java.time.Instant;

/** Send attempts as delivery reports them to the journal. */
public final class SendAttempts {

    private SendAttempts() {
    }

    /** The first attempt at a push of an alert fired at {@code firedAt}, answered at {@code answeredAt}. */
    public static DeliveryReport attempt(Instant firedAt, Instant answeredAt, DeliveryResult result) {
        Push push = new Push("alert", "user", "event", firedAt, OutgoingMessage.text(101, "USD/KRW 1400"));
        return new DeliveryReport(push, result, 1, answeredAt);
    }
}
