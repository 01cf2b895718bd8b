package dev.fxalert.core.store.embedded;

import dev.fxalert.core.config.Settings;
import dev.fxalert.core.store.StoreSettings;

import java.nio.file.Path;
import java.util.Objects;

/** @param databaseFile the H2 file, e.g. {@code ./data/fx-alert.db} */
public record EmbeddedStoreConfig(Path databaseFile, int maxAlertsPerUser) {

    /** Reads FX_ALERT_DB_PATH (default {@code ./data/fx-alert.db}) and MAX_ALERTS_PER_USER. */
    public static EmbeddedStoreConfig from(Settings settings) {
        return new EmbeddedStoreConfig(settings.path("FX_ALERT_DB_PATH", "./data/fx-alert.db"),
                StoreSettings.maxAlertsPerUser(settings));
    }

    public EmbeddedStoreConfig {
        Objects.requireNonNull(databaseFile, "databaseFile");
        if (maxAlertsPerUser < 1) {
            throw new IllegalArgumentException("maxAlertsPerUser must be at least 1");
        }
    }
}
