package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Durability and integrity of the H2 file, checked on real files: what a commit leaves on disk (all a
 * {@code kill -9} keeps), and that a damaged, rolled-back or locked file stops the start with one clear line.
 */
class EmbeddedStoreIntegrityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private EmbeddedStores open(Path file) {
        return EmbeddedStores.open(new EmbeddedStoreConfig(file, 5000), CLOCK);
    }

    private static Path h2File(Path configured) {
        return configured.resolveSibling(configured.getFileName() + ".mv.db");
    }

    private final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();

    private void createAlerts(EmbeddedStores stores, int count) {
        User user = stores.users().linkChat(42L, "Mina", "en");
        for (int i = 0; i < count; i++) {
            stores.alerts().create(Alert.create(String.format("a%07d", ids.incrementAndGet()),
                    new Owner(user.id(), 42L), CurrencyPair.of("USD", "KRW"), Direction.ABOVE,
                    new BigDecimal(1000 + i), AlertMode.ONCE, "note " + "x".repeat(90), NOW));
        }
    }

    private static int alertCount(EmbeddedStores stores) {
        return stores.users().findByChatId(42L).map(u -> stores.alerts().listByOwner(u.id()).size()).orElse(0);
    }

    /** A copy of the file taken while the store is still open is exactly what a kill -9 leaves behind. */
    @Test
    void aCommittedWriteIsOnDiskWhenTheCallReturns() throws IOException {
        Path file = dir.resolve("live/fx-alert.db");
        Path copy = dir.resolve("after-kill/fx-alert.db");
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 1);
            Files.createDirectories(copy.getParent());
            Files.copy(h2File(file), h2File(copy));
            Files.copy(EmbeddedStores.generationFile(file), EmbeddedStores.generationFile(copy));
            try (EmbeddedStores afterKill = open(copy)) {
                assertThat(alertCount(afterKill)).isEqualTo(1);
            }
        }
    }

    @Test
    void h2DoesNotCloseTheDatabaseFromItsOwnShutdownHook() {
        // The app closes the store last, after in-flight work drained; H2's hook would close it under that work.
        assertThat(EmbeddedStores.jdbcUrl(dir.resolve("fx-alert.db"))).contains(";DB_CLOSE_ON_EXIT=FALSE");
    }

    /** Stopping a worker interrupts it; with a plain FileChannel that closed H2's file under everyone else. */
    @Test
    void aCallerInterruptedMidWriteDoesNotCloseTheDatabaseForEveryone() throws Exception {
        Path file = dir.resolve("fx-alert.db");
        try (EmbeddedStores stores = open(file)) {
            Thread interrupted = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    createAlerts(stores, 20);
                    stores.checkpointIfWritten();
                } catch (RuntimeException ignored) {
                    // This caller may fail; the others must not.
                }
            });
            interrupted.start();
            interrupted.join();

            createAlerts(stores, 1);
            stores.checkpointIfWritten();
            assertThat(alertCount(stores)).isPositive();
        }
        try (EmbeddedStores reopened = open(file)) {
            assertThat(alertCount(reopened)).isPositive();
        }
    }

    @Test
    void aCleanStopLeavesNoTraceFile() throws IOException {
        Path file = dir.resolve("fx-alert.db");
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 3);
        }
        Path trace = dir.resolve("fx-alert.db.trace.db");
        assertThat(Files.exists(trace)).as("H2 trace file: %s", Files.exists(trace) ? Files.readString(trace) : "")
                .isFalse();
    }

    @Test
    void reopensAfterACleanStopAndAfterAKill() throws IOException {
        Path file = dir.resolve("fx-alert.db");
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 3);
        }
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 1);
            Path copy = dir.resolve("killed/fx-alert.db");
            Files.createDirectories(copy.getParent());
            Files.copy(h2File(file), h2File(copy));
            Files.copy(EmbeddedStores.generationFile(file), EmbeddedStores.generationFile(copy));
            try (EmbeddedStores afterKill = open(copy)) {
                assertThat(alertCount(afterKill)).isEqualTo(4);
            }
        }
        try (EmbeddedStores stores = open(file)) {
            assertThat(alertCount(stores)).isEqualTo(4);
        }
    }

    @Test
    void aFileReplacedByAnOlderCopyDoesNotStartWithTheOlderData() throws IOException {
        Path file = dir.resolve("fx-alert.db");
        Path older = dir.resolve("older.mv.db");
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 10);
        }
        Files.copy(h2File(file), older);
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 10);
        }
        Files.copy(older, h2File(file), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(EmbeddedStoreIntegrityException.class)
                .hasMessageContaining(h2File(file).toAbsolutePath().toString())
                .hasMessageContaining("older")
                .hasMessageContaining("backup")
                .hasMessageNotContaining("\n");
    }

    /** The case: H2 opens a truncated file of a killed process at an older version, without a word. */
    @Test
    void aTruncatedFileOfAKilledProcessDoesNotStartWithOlderData() throws IOException {
        Path file = dir.resolve("live/fx-alert.db");
        Path killed = dir.resolve("killed/fx-alert.db");
        Files.createDirectories(killed.getParent());
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 600);
            stores.checkpointIfWritten();
            createAlerts(stores, 10);
            Files.copy(h2File(file), h2File(killed));
            Files.copy(EmbeddedStores.generationFile(file), EmbeddedStores.generationFile(killed));
        }
        truncate(h2File(killed), 66);

        assertThatThrownBy(() -> open(killed))
                .isInstanceOf(EmbeddedStoreIntegrityException.class)
                .hasMessageContaining(h2File(killed).toAbsolutePath().toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("backup")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileTruncatedIntoItsDataDoesNotStart() throws IOException {
        Path file = dir.resolve("fx-alert.db");
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 600);
        }
        truncate(h2File(file), 30);

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(EmbeddedStoreIntegrityException.class)
                .hasMessageContaining(h2File(file).toAbsolutePath().toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("backup")
                .hasMessageNotContaining("\n");
    }

    private static void truncate(Path file, int percent) throws IOException {
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size * percent / 100);
        }
    }

    @Test
    void aFileInUseByAnotherProcessStopsWithOneClearLine() throws IOException {
        Path file = dir.resolve("fx-alert.db");
        try (EmbeddedStores stores = open(file)) {
            createAlerts(stores, 1);
        }
        // Another process holding H2's file lock looks, from here, like a lock we cannot take.
        try (RandomAccessFile raf = new RandomAccessFile(h2File(file).toFile(), "rw");
             FileLock lock = raf.getChannel().lock()) {
            assertThat(lock.isValid()).isTrue();
            assertThatThrownBy(() -> open(file))
                    .isInstanceOf(EmbeddedStoreIntegrityException.class)
                    .hasMessageContaining(h2File(file).toAbsolutePath().toString())
                    .hasMessageContaining("in use")
                    .hasMessageNotContaining("\n");
        }
    }
}
