package dev.fxalert.core.store.embedded;

import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.ChatDrafts;
import dev.fxalert.core.port.UpdateJournal;
import dev.fxalert.core.port.UserStore;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local default: users, alerts, rate history and the audit log in one H2 file, created with its schema on first start and
 * kept across restarts. One process owns the file (H2 locks it), which is what lets per-user limits and chat
 * linking be serialised in memory.
 *
 * <p>Durability protocol:
 * <ul>
 *   <li>A write is on disk when the call returns ({@code WRITE_DELAY=0}: H2 writes every commit to the file
 *       instead of up to 500 ms later), so what the bot confirmed or the store marked survives {@code kill -9}.
 *       It is written to the operating system, not synced per commit: a power cut can still lose the last
 *       commits, and the write generation check below then refuses the file rather than start on it.</li>
 *   <li>A caller interrupted mid-write (a stop cutting off a worker after its grace) fails alone: the file is
 *       opened through H2's {@code async:} file system, as a plain FileChannel is closed by the interrupt, which
 *       closed the database for every thread.</li>
 *   <li>Only {@link #close()} closes the database ({@code DB_CLOSE_ON_EXIT=FALSE}: H2's own JVM shutdown hook
 *       would close it while the app is still draining in-flight commands and sends). The app closes the
 *       store last.</li>
 *   <li>At open, a file that cannot be used stops the start with one line naming it and what to do
 *       ({@link EmbeddedStoreIntegrityException}): locked by another process, damaged, or behind its
 *       {@link WriteGeneration write generation} (truncated or replaced by an older copy, which H2 may open
 *       silently at an older version). The generation advances at open, at close, and every
 *       {@link #CHECKPOINT_EVERY} while there are writes: a truncation after a {@code kill -9} can take away at
 *       most that last second of writes unnoticed.</li>
 * </ul>
 */
public final class EmbeddedStores implements Stores {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbeddedStores.class);

    private static final String SCHEMA = "schema.sql";

    /** How much of the latest writes a truncation may take away unnoticed after a kill -9. */
    static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(1);

    /** How often the handled-updates journal forgets entries past its retention while the store is open. */
    private static final Duration PURGE_JOURNAL_EVERY = Duration.ofHours(1);

    private static final String USER = "fxalert";

    private final JdbcConnectionPool pool;
    private final String url;
    private final Jdbc jdbc;
    private final ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fx-store-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private long writesAtCheckpoint = -1;
    private final WriteGeneration generation;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final EmbeddedAlertStore alerts;
    private final EmbeddedUserStore users;
    private final EmbeddedRateHistory rateHistory;
    private final EmbeddedAuditLog audit;
    private final EmbeddedUpdateJournal updateJournal;
    private final EmbeddedChatDrafts drafts;

    private EmbeddedStores(JdbcConnectionPool pool, String url, Jdbc jdbc, WriteGeneration generation,
                           EmbeddedStoreConfig config, Clock clock) {
        this.pool = pool;
        this.url = url;
        this.jdbc = jdbc;
        this.generation = generation;
        this.alerts = new EmbeddedAlertStore(jdbc, config.maxAlertsPerUser());
        this.users = new EmbeddedUserStore(jdbc, clock);
        this.rateHistory = new EmbeddedRateHistory(jdbc, clock);
        this.audit = new EmbeddedAuditLog(jdbc);
        this.updateJournal = new EmbeddedUpdateJournal(jdbc, clock);
        this.drafts = new EmbeddedChatDrafts(jdbc, clock);
    }

    public static EmbeddedStores open(EmbeddedStoreConfig config, Clock clock) {
        Path file = config.databaseFile().toAbsolutePath();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the database file " + file, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl(file), USER, "");
        pool.setMaxConnections(16);
        try {
            connect(pool, file);
            Jdbc jdbc = new Jdbc(pool);
            for (String statement : schemaStatements()) {
                jdbc.execute(statement);
            }
            WriteGeneration generation = new WriteGeneration(jdbc, h2File(file), generationFile(file));
            generation.checkAndAdvance();
            EmbeddedStores stores = new EmbeddedStores(pool, jdbcUrl(file), jdbc, generation, config, clock);
            stores.rateHistory.purgeExpired();
            stores.updateJournal.purgeExpired();
            stores.checkpointer.scheduleWithFixedDelay(stores::checkpointIfWritten, CHECKPOINT_EVERY.toMillis(),
                    CHECKPOINT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            stores.checkpointer.scheduleWithFixedDelay(stores::purgeJournal, PURGE_JOURNAL_EVERY.toMillis(),
                    PURGE_JOURNAL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return stores;
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** The first connection opens the file; why it could not is told in one line, not as the 8th cause. */
    private static void connect(JdbcConnectionPool pool, Path file) {
        try (Connection ignored = pool.getConnection()) {
            // Opened: H2 holds the file lock from here until close().
        } catch (SQLException e) {
            Path h2 = h2File(file);
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 || rootMessage(e).contains("locked")) {
                throw new EmbeddedStoreIntegrityException("The database file " + h2 + " is in use by another "
                        + "process (is FX Alert already running?). Stop the other instance, or point FX_ALERT_DB_PATH "
                        + "at another file.", e);
            }
            throw new EmbeddedStoreIntegrityException("The database file " + h2 + " cannot be opened, it looks "
                    + "damaged (" + rootMessage(e) + "). Stop and restore the file from a backup, or move it aside "
                    + "to start with an empty database.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.strip().split("\\R", 2)[0];
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

    /** The file H2 really writes. */
    static Path h2File(Path configured) {
        return Path.of(baseName(configured.toAbsolutePath()) + ".mv.db");
    }

    /** The sidecar holding the write generation the database must have at least ({@link WriteGeneration}). */
    public static Path generationFile(Path configured) {
        return Path.of(baseName(configured.toAbsolutePath()) + WriteGeneration.SUFFIX);
    }

    private static String baseName(Path file) {
        String name = file.toString();
        return name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
    }

    /** H2 appends {@code .mv.db} itself; a configured name that already ends so is not doubled. */
    public static String jdbcUrl(Path file) {
        String name = baseName(file);
        // DB_CLOSE_DELAY=-1 keeps the database open between pooled connections; close() closes it.
        // DB_CLOSE_ON_EXIT=FALSE: no closing from H2's shutdown hook under the app's draining work.
        // WRITE_DELAY=0: a commit is written to the file before the call returns (H2's default: up to 500 ms later).
        // MAX_COMPACT_TIME=0: no compaction at SHUTDOWN (H2 2.3's chunk move there trips its own assertions).
        // async: H2's AsynchronousFileChannel file system: interrupting a thread mid-write (a stop cutting off a
        // worker) does not close the file under every other thread, as an interruptible FileChannel does.
        return "jdbc:h2:async:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0;"
                + "LOCK_TIMEOUT=10000";
    }

    private static String[] schemaStatements() {
        try (InputStream in = EmbeddedStores.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + SCHEMA);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^\\s*--.*$", "");
            return java.util.Arrays.stream(sql.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public RateHistory rateHistory() {
        return rateHistory;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public UpdateJournal updateJournal() {
        return updateJournal;
    }

    @Override
    public ChatDrafts drafts() {
        return drafts;
    }

    private void purgeJournal() {
        if (closed.get()) {
            return;
        }
        try {
            updateJournal.purgeExpired();
            drafts.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("Could not purge the handled-updates journal: {}", e.toString());
        }
    }

    /**
     * Advances the write generation when anything was written since the last time, so a later truncation that
     * loses those writes is refused at start instead of opening older data. Runs every {@link #CHECKPOINT_EVERY}.
     */
    synchronized void checkpointIfWritten() {
        if (closed.get() || jdbc.writes() == writesAtCheckpoint) {
            return;
        }
        try {
            generation.checkpoint();
            writesAtCheckpoint = jdbc.writes();
        } catch (RuntimeException e) {
            log.warn("Could not advance the write generation of the database: {}", e.toString());
        }
    }

    /**
     * Closes the database: advances the write generation, lets H2 write everything out, then records the
     * generation in the sidecar. Call it once nothing uses the store any more; later calls do nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        checkpointer.shutdownNow();
        long last;
        try {
            synchronized (this) {
                last = generation.advanceInDatabase();
            }
        } finally {
            // Pooled connections are closed while the database is still open: closing them after SHUTDOWN made
            // H2 trace "Database is already closed" (DB_CLOSE_DELAY=-1 keeps it open until SHUTDOWN).
            pool.dispose();
        }
        JdbcDataSource direct = new JdbcDataSource();
        direct.setURL(url);
        direct.setUser(USER);
        try (Connection connection = direct.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new EmbeddedStoreException("SHUTDOWN", e);
        }
        generation.record(last);
    }
}
