package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.ChatDrafts;
import dev.fxalert.core.port.UpdateJournal;
import dev.fxalert.core.port.UserStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Objects;

/**
 * Users, alerts and rate history in three DynamoDB tables (key design in docs/dynamodb.md). Every write is a
 * single-item conditional write, so it works on DynamoDB and on dynalite alike (no transactions).
 * The client belongs to the caller: {@link #close()} leaves it open.
 */
public final class DynamoDbStores implements Stores {

    private final DynamoDbAlertStore alerts;
    private final DynamoDbUserStore users;
    private final DynamoDbRateHistory rateHistory;
    private final DynamoDbAuditLog audit;
    private final DynamoDbUpdateJournal updateJournal;
    private final DynamoDbChatDrafts drafts;

    private DynamoDbStores(DynamoDbClient client, DynamoDbStoreConfig config, Clock clock) {
        this.alerts = new DynamoDbAlertStore(client, config);
        this.users = new DynamoDbUserStore(client, config, clock);
        this.rateHistory = new DynamoDbRateHistory(client, config, clock);
        this.audit = new DynamoDbAuditLog(client, config);
        this.updateJournal = new DynamoDbUpdateJournal(client, config, clock);
        this.drafts = new DynamoDbChatDrafts(client, config, clock);
    }

    public static DynamoDbStores create(DynamoDbClient client, DynamoDbStoreConfig config, Clock clock) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new DynamoDbStores(client, config, clock);
    }

    /** Creates the three tables with their indexes when missing: for tests and local DynamoDB only. */
    public static void createTablesIfMissing(DynamoDbClient client, DynamoDbStoreConfig config) {
        DynamoDbTables.createIfMissing(client, config);
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    /** Items the alert store has read so far (take the difference around a call, e.g. findCrossed). */
    public ReadCounter alertReads() {
        return alerts.reads();
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public RateHistory rateHistory() {
        return rateHistory;
    }

    /** Audit entries live in the users table, see {@link DynamoDbAuditLog}. */
    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public UpdateJournal updateJournal() {
        return updateJournal;
    }

    /** Drafts live in the rate history table, see {@link DynamoDbChatDrafts}. */
    @Override
    public ChatDrafts drafts() {
        return drafts;
    }

    @Override
    public void close() {
        // Nothing to release: the stores hold no resources of their own, and the client is the caller's.
    }
}
