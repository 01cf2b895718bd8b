package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UserStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Users, alerts and rate history in three DynamoDB tables. (Being implemented.) */
public final class DynamoDbStores implements Stores {

    public static DynamoDbStores create(DynamoDbClient client, DynamoDbStoreConfig config, Clock clock) {
        throw new UnsupportedOperationException("DynamoDB store not implemented yet");
    }

    /** Creates the three tables with their indexes when missing: for tests and local DynamoDB only. */
    public static void createTablesIfMissing(DynamoDbClient client, DynamoDbStoreConfig config) {
        throw new UnsupportedOperationException("DynamoDB store not implemented yet");
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
