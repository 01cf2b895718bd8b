package dev.fxalert.core.store.embedded;

import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.StoreContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** The store contract on the embedded H2 adapter: a fresh database file for every call. */
class EmbeddedStoreContractTest extends StoreContractTest {

    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected Stores openStores(Clock clock, int maxAlertsPerUser) {
        Path file = dir.resolve("contract-" + files.incrementAndGet() + ".db");
        return EmbeddedStores.open(new EmbeddedStoreConfig(file, maxAlertsPerUser), clock);
    }
}
