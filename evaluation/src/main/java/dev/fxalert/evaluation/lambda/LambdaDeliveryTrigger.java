package dev.fxalert.evaluation.lambda;

import dev.fxalert.evaluation.DeliveryTrigger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

import java.nio.charset.StandardCharsets;

/**
 * Wakes the Delivery function with an asynchronous Invoke of {@code {"action":"drain-outbox"}}: returns as soon as
 * Lambda queued the event. The function has reserved concurrency 1, so while a drain runs the event waits in
 * Lambda's asynchronous queue (throttled events are retried) and then finds whatever the running drain left.
 */
public final class LambdaDeliveryTrigger implements DeliveryTrigger {

    static final String DRAIN_REQUEST = "{\"action\":\"" + DeliveryHandler.DRAIN_ACTION + "\"}";

    private final LambdaClient lambda;
    private final String functionName;

    public LambdaDeliveryTrigger(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    @Override
    public void pushesRecorded(String eventId, int count) {
        lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromString(DRAIN_REQUEST, StandardCharsets.UTF_8)));
    }
}
