package dev.fxalert.core.store;

import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.AlertStore;

/**
 * The settings both store adapters read under the same name. Here, in core, because the two stores are separate
 * modules (store-embedded, store-dynamodb) that do not know each other.
 */
public final class StoreSettings {

    private StoreSettings() {
    }

    /** MAX_ALERTS_PER_USER, the same setting for both stores. */
    public static int maxAlertsPerUser(Settings settings) {
        return settings.integer("MAX_ALERTS_PER_USER", AlertStore.DEFAULT_MAX_ALERTS_PER_USER, 1);
    }
}
