package dev.fxalert.core.store.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Detects a database file that went back in time, which H2 itself may not: a truncated or partly overwritten
 * MVStore file can open cleanly at an older committed version, and a file replaced by an older copy always does.
 *
 * <p>Protocol: the database holds a write generation (one row), and a sidecar file next to it
 * ({@code <db path>.generation}) holds the generation the database was last known to have reached. At every open,
 * every orderly close and every checkpoint (while there are writes) the generation is advanced: first in the database (committed and synced with
 * {@code CHECKPOINT SYNC}), then in the sidecar (written to a temporary file, synced, atomically moved). A crash
 * between the two leaves the sidecar behind the database, which is accepted. A database behind its sidecar lost
 * writes it had at the last open or close, so opening it is refused.
 *
 * <p>What it does not see: a file rolled back to a version between the last checkpoint and a {@code kill -9}
 * (both hold the same generation). A missing sidecar (first start, or a database copied without it) is accepted with
 * a warning.
 */
final class WriteGeneration {

    private static final Logger log = LoggerFactory.getLogger(WriteGeneration.class);
    static final String SUFFIX = ".generation";

    private final Jdbc jdbc;
    private final Path databaseFile;
    private final Path sidecar;

    WriteGeneration(Jdbc jdbc, Path databaseFile, Path sidecar) {
        this.jdbc = jdbc;
        this.databaseFile = databaseFile;
        this.sidecar = sidecar;
    }

    /** At open: refuses a database behind its sidecar, then advances both. */
    void checkAndAdvance() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS store_generation (id INT PRIMARY KEY, generation BIGINT NOT NULL)");
        long inDatabase = inDatabase();
        long recorded = recorded();
        if (recorded > inDatabase) {
            throw new EmbeddedStoreIntegrityException("The database file " + databaseFile + " holds older data than "
                    + "this app last wrote to it (write generation " + inDatabase + ", expected " + recorded + "): it "
                    + "was truncated, damaged or replaced by an older copy. Stop and restore the file from a backup; "
                    + "to start with the older data anyway, delete " + sidecar + ".", null);
        }
        if (recorded < 0 && inDatabase > 0) {
            log.warn("No {} next to the database file; cannot check it for lost writes this time", sidecar);
        }
        advance(Math.max(inDatabase, recorded));
    }

    /** At an orderly close, before H2's SHUTDOWN: the last write the next start must find. */
    long advanceInDatabase() {
        long next = inDatabase() + 1;
        write(next);
        return next;
    }

    /** After H2's SHUTDOWN wrote everything out. */
    void record(long generation) {
        Path temp = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((generation + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        } catch (IOException e) {
            throw new EmbeddedStoreIntegrityException("Cannot write " + temp + " (" + e.getMessage() + "); check "
                    + "that the folder of the database file is writable.", e);
        }
        try {
            Files.move(temp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedStoreIntegrityException("Cannot replace " + sidecar + " (" + e.getMessage() + "); "
                    + "check that the folder of the database file is writable.", e);
        }
    }

    /** While running: the database's writes so far are synced, and the sidecar says so. */
    void checkpoint() {
        advance(inDatabase());
    }

    private void advance(long from) {
        long next = from + 1;
        write(next);
        jdbc.execute("CHECKPOINT SYNC");
        record(next);
    }

    private void write(long generation) {
        jdbc.update("MERGE INTO store_generation (id, generation) KEY (id) VALUES (1, ?)", generation);
    }

    private long inDatabase() {
        return jdbc.queryOne("SELECT generation FROM store_generation WHERE id = 1", row -> row.getLong(1))
                .orElse(0L);
    }

    /** -1 when there is no sidecar yet. */
    private long recorded() {
        if (!Files.exists(sidecar)) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readString(sidecar, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            throw new EmbeddedStoreIntegrityException("Cannot read " + sidecar + " (" + e.getMessage() + "). "
                    + "Restore it with the database file from a backup, or delete it to skip this check once.", e);
        }
    }
}
