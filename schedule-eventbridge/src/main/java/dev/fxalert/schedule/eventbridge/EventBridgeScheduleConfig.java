package dev.fxalert.schedule.eventbridge;

import dev.fxalert.core.config.Settings;

import java.util.Map;
import java.util.Objects;

/**
 * Which EventBridge Scheduler schedule drives ingestion, and where per-user schedules send their payload.
 *
 * @param digestTargetArn     what user schedules invoke (the Delivery function's alias on AWS); null when the
 *                            deployment has none
 * @param digestRoleArn       the role Scheduler assumes to invoke it; null when the deployment has none
 * @param digestDeadLetterArn the SQS queue where Scheduler puts a user schedule's invocation it could not hand to
 *                            the target after its retries; null: none (the miss is only in Scheduler's metrics)
 */
public record EventBridgeScheduleConfig(String ingestionScheduleName, String ingestionScheduleGroup,
                                        String digestTargetArn, String digestRoleArn, String digestDeadLetterArn) {

    /** Without a dead-letter queue for user schedules (tests, deployments without one). */
    public EventBridgeScheduleConfig(String ingestionScheduleName, String ingestionScheduleGroup,
                                     String digestTargetArn, String digestRoleArn) {
        this(ingestionScheduleName, ingestionScheduleGroup, digestTargetArn, digestRoleArn, null);
    }

    public EventBridgeScheduleConfig {
        Objects.requireNonNull(ingestionScheduleName, "ingestionScheduleName");
        ingestionScheduleGroup = ingestionScheduleGroup == null || ingestionScheduleGroup.isBlank() ? "default" : ingestionScheduleGroup;
    }

    /**
     * Reads INGESTION_SCHEDULE_NAME, INGESTION_SCHEDULE_GROUP, DIGEST_TARGET_ARN, DIGEST_ROLE_ARN and
     * DIGEST_DEAD_LETTER_ARN.
     */
    public static EventBridgeScheduleConfig from(Settings settings) {
        return new EventBridgeScheduleConfig(
                settings.text("INGESTION_SCHEDULE_NAME", "fx-alert-ingestion"),
                settings.text("INGESTION_SCHEDULE_GROUP", "default"),
                settings.optional("DIGEST_TARGET_ARN").orElse(null),
                settings.optional("DIGEST_ROLE_ARN").orElse(null),
                settings.optional("DIGEST_DEAD_LETTER_ARN").orElse(null));
    }

    public static EventBridgeScheduleConfig fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env));
    }

    public boolean userSchedulesConfigured() {
        return digestTargetArn != null && !digestTargetArn.isBlank() && digestRoleArn != null && !digestRoleArn.isBlank();
    }
}
