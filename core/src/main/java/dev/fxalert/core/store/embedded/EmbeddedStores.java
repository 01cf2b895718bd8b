package dev.fxalert.core.store.embedded;

import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UserStore;

import java.time.Clock;

/** The local default: users, alerts and rate history in one H2 file. (Being implemented.) */
public final class EmbeddedStores implements Stores {

    public static EmbeddedStores open(EmbeddedStoreConfig config, Clock clock) {
        throw new UnsupportedOperationException("embedded store not implemented yet");
    }

    @Override
    public AlertStore alerts() {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserStore users() {
        throw new UnsupportedOperationException();
    }

    @Override
    public RateHistory rateHistory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
