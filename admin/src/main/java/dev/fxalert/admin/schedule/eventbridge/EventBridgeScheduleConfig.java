package dev.fxalert.admin.schedule.eventbridge;

import java.util.Map;
import java.util.Objects;

/**
 * Which EventBridge Scheduler schedule drives ingestion, and where per-user schedules send their payload.
 *
 * @param digestTargetArn what user schedules invoke (e.g. the digest Lambda); null when the deployment has none
 * @param digestRoleArn   the role Scheduler assumes to invoke it; null when the deployment has none
 */
public record EventBridgeScheduleConfig(String ingestionScheduleName, String ingestionScheduleGroup,
                                        String digestTargetArn, String digestRoleArn) {

    public EventBridgeScheduleConfig {
        Objects.requireNonNull(ingestionScheduleName, "ingestionScheduleName");
        ingestionScheduleGroup = ingestionScheduleGroup == null || ingestionScheduleGroup.isBlank() ? "default" : ingestionScheduleGroup;
    }

    /** Reads INGESTION_SCHEDULE_NAME, INGESTION_SCHEDULE_GROUP, DIGEST_TARGET_ARN and DIGEST_ROLE_ARN. */
    public static EventBridgeScheduleConfig fromEnvironment(Map<String, String> env) {
        return new EventBridgeScheduleConfig(
                env.getOrDefault("INGESTION_SCHEDULE_NAME", "fx-alert-ingestion"),
                env.get("INGESTION_SCHEDULE_GROUP"),
                env.get("DIGEST_TARGET_ARN"),
                env.get("DIGEST_ROLE_ARN"));
    }

    public boolean userSchedulesConfigured() {
        return digestTargetArn != null && !digestTargetArn.isBlank() && digestRoleArn != null && !digestRoleArn.isBlank();
    }
}
