package dev.fxalert.core.store.dynamodb;

import java.util.Map;
import java.util.Objects;

/** Table names (configurable per deployment) and the per-user alert limit. */
public record DynamoDbStoreConfig(String usersTable, String alertsTable, String rateHistoryTable, int maxAlertsPerUser) {

    public DynamoDbStoreConfig {
        Objects.requireNonNull(usersTable, "usersTable");
        Objects.requireNonNull(alertsTable, "alertsTable");
        Objects.requireNonNull(rateHistoryTable, "rateHistoryTable");
        if (maxAlertsPerUser < 1) {
            throw new IllegalArgumentException("maxAlertsPerUser must be at least 1");
        }
    }

    /** Reads USERS_TABLE, ALERTS_TABLE, RATE_HISTORY_TABLE and MAX_ALERTS_PER_USER (defaults: fx-alert-*, 50). */
    public static DynamoDbStoreConfig fromEnvironment(Map<String, String> env) {
        return new DynamoDbStoreConfig(
                env.getOrDefault("USERS_TABLE", "fx-alert-users"),
                env.getOrDefault("ALERTS_TABLE", "fx-alert-alerts"),
                env.getOrDefault("RATE_HISTORY_TABLE", "fx-alert-rate-history"),
                Integer.parseInt(env.getOrDefault("MAX_ALERTS_PER_USER", "50")));
    }
}
