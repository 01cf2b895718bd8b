package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.config.Settings;
import dev.fxalert.core.store.StoreSettings;

import java.util.Map;
import java.util.Objects;

/**
 * Table names (configurable per deployment), the per-user alert limit, and how many items one Query/Scan page
 * asks for (every read follows LastEvaluatedKey, so this only bounds the size of one round trip; tests make it
 * small to prove pagination with few items).
 */
public record DynamoDbStoreConfig(String usersTable, String alertsTable, String rateHistoryTable, int maxAlertsPerUser,
                                  int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 1000;

    public DynamoDbStoreConfig {
        Objects.requireNonNull(usersTable, "usersTable");
        Objects.requireNonNull(alertsTable, "alertsTable");
        Objects.requireNonNull(rateHistoryTable, "rateHistoryTable");
        if (maxAlertsPerUser < 1) {
            throw new IllegalArgumentException("maxAlertsPerUser must be at least 1");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
    }

    public DynamoDbStoreConfig(String usersTable, String alertsTable, String rateHistoryTable, int maxAlertsPerUser) {
        this(usersTable, alertsTable, rateHistoryTable, maxAlertsPerUser, DEFAULT_PAGE_SIZE);
    }

    /** Reads USERS_TABLE, ALERTS_TABLE, RATE_HISTORY_TABLE and MAX_ALERTS_PER_USER (defaults: fx-alert-*, 50). */
    public static DynamoDbStoreConfig from(Settings settings) {
        return new DynamoDbStoreConfig(
                settings.text("USERS_TABLE", "fx-alert-users"),
                settings.text("ALERTS_TABLE", "fx-alert-alerts"),
                settings.text("RATE_HISTORY_TABLE", "fx-alert-rate-history"),
                maxAlertsPerUser(settings));
    }

    public static DynamoDbStoreConfig fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env));
    }

    /** MAX_ALERTS_PER_USER, the same setting for both stores (read in core's {@link StoreSettings}). */
    public static int maxAlertsPerUser(Settings settings) {
        return StoreSettings.maxAlertsPerUser(settings);
    }

    public DynamoDbStoreConfig withPageSize(int pageSize) {
        return new DynamoDbStoreConfig(usersTable, alertsTable, rateHistoryTable, maxAlertsPerUser, pageSize);
    }
}
