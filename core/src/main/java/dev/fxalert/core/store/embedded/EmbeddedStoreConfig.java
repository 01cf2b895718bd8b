package dev.fxalert.core.store.embedded;

import java.nio.file.Path;
import java.util.Objects;

/** @param databaseFile the H2 file, e.g. {@code ./data/fx-alert.db} */
public record EmbeddedStoreConfig(Path databaseFile, int maxAlertsPerUser) {
    public EmbeddedStoreConfig {
        Objects.requireNonNull(databaseFile, "databaseFile");
        if (maxAlertsPerUser < 1) {
            throw new IllegalArgumentException("maxAlertsPerUser must be at least 1");
        }
    }
}
