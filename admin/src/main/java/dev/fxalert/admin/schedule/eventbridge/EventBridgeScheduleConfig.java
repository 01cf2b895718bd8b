package dev.fxalert.admin.schedule.eventbridge;

import dev.fxalert.core.config.Settings;

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
    public static EventBridgeScheduleConfig from(Settings settings) {
        return new EventBridgeScheduleConfig(
                settings.text("INGESTION_SCHEDULE_NAME", "fx-alert-ingestion"),
                settings.text("INGESTION_SCHEDULE_GROUP", "default"),
                settings.optional("DIGEST_TARGET_ARN").orElse(null),
                settings.optional("DIGEST_ROLE_ARN").orElse(null));
    }

    public static EventBridgeScheduleConfig fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env));
    }

    public boolean userSchedulesConfigured() {
        return digestTargetArn != null && !digestTargetArn.isBlank() && digestRoleArn != null && !digestRoleArn.isBlank();
    }
}
