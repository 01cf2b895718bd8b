package dev.fxalert.core.store.embedded;

import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UserStore;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The local default: users, alerts and rate history in one H2 file, created with its schema on first start and
 * kept across restarts. One process owns the file (H2 locks it), which is what lets per-user limits and chat
 * linking be serialised in memory.
 */
public final class EmbeddedStores implements Stores {

    private static final String SCHEMA = "schema.sql";

    private final JdbcConnectionPool pool;
    private final EmbeddedAlertStore alerts;
    private final EmbeddedUserStore users;
    private final EmbeddedRateHistory rateHistory;

    private EmbeddedStores(JdbcConnectionPool pool, EmbeddedStoreConfig config, Clock clock) {
        this.pool = pool;
        Jdbc jdbc = new Jdbc(pool);
        this.alerts = new EmbeddedAlertStore(jdbc, config.maxAlertsPerUser());
        this.users = new EmbeddedUserStore(jdbc, clock);
        this.rateHistory = new EmbeddedRateHistory(jdbc, clock);
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
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl(file), "fxalert", "");
        pool.setMaxConnections(16);
        try {
            Jdbc jdbc = new Jdbc(pool);
            for (String statement : schemaStatements()) {
                jdbc.execute(statement);
            }
            EmbeddedStores stores = new EmbeddedStores(pool, config, clock);
            stores.rateHistory.purgeExpired();
            return stores;
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** H2 appends {@code .mv.db} itself; a configured name that already ends so is not doubled. */
    public static String jdbcUrl(Path file) {
        String name = file.toString();
        if (name.endsWith(".mv.db")) {
            name = name.substring(0, name.length() - ".mv.db".length());
        }
        // DB_CLOSE_DELAY=-1 keeps the database open between pooled connections; closing the pool closes it.
        return "jdbc:h2:file:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
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
    public void close() {
        try {
            new Jdbc(pool).execute("SHUTDOWN");
        } catch (RuntimeException ignored) {
            // Already closed; nothing left to flush.
        }
        pool.dispose();
    }
}
