package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.StoreContractTest;
import dev.fxalert.core.testing.Dynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on dynalite, plus what only the DynamoDB adapter promises (items read, TTL attribute). */
class DynamoDbStoreContractTest extends StoreContractTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    /** Small pages, so every multi-page path (queries, scans, listings) is exercised with a few dozen items. */
    private static final int PAGE_SIZE = 20;

    private DynamoDbStoreConfig config;

    @Override
    protected Stores openStores(Clock clock, int maxAlertsPerUser) {
        config = new DynamoDbStoreConfig(Dynalite.uniqueTableName("users"), Dynalite.uniqueTableName("alerts"),
                Dynalite.uniqueTableName("rates"), maxAlertsPerUser, PAGE_SIZE);
        DynamoDbStores.createTablesIfMissing(DYNALITE.client(), config);
        return DynamoDbStores.create(DYNALITE.client(), config, clock);
    }

    private DynamoDbStores dynamoStores() {
        return (DynamoDbStores) stores;
    }

    @Test
    void findCrossedReadsOnlyTheAlertsItReturnsAcrossPages() {
        AlertIds ids = new AlertIds();
        stores = openStores(clock, 1_000);
        for (int i = 0; i < 120; i++) {
            Direction direction = i % 2 == 0 ? Direction.ABOVE : Direction.BELOW;
            CurrencyPair pair = i % 4 < 2 ? USD_KRW : EUR_USD;
            stores.alerts().create(Alert.create(ids.next(), new Owner("u" + (i % 7), 7L), pair, direction,
                    new BigDecimal(1000 + i), AlertMode.ONCE, null, clock.instant()));
        }
        long before = dynamoStores().alertReads().itemsRead();

        // USD/KRW ABOVE thresholds are 1000, 1004, ..., 1116: 1060 crosses 1000..1060, i.e. 16 of them;
        // USD/KRW BELOW thresholds are 1001, 1005, ..., 1117: 1060 crosses 1061..1117, i.e. 15 of them.
        List<Alert> crossed = stores.alerts().findCrossed(USD_KRW, new BigDecimal("1060"));
        long read = dynamoStores().alertReads().itemsRead() - before;

        assertThat(crossed).hasSize(31);
        assertThat(read).isEqualTo(crossed.size());
    }

    @Test
    void createTablesIfMissingLeavesExistingTablesAndTheirItemsAlone() {
        Alert alert = Alert.create(new AlertIds().next(), new Owner("u1", 1L), USD_KRW, Direction.ABOVE,
                new BigDecimal("1400"), AlertMode.ONCE, null, clock.instant());
        stores.alerts().create(alert);

        DynamoDbStores.createTablesIfMissing(DYNALITE.client(), config);

        assertThat(stores.alerts().get("u1", alert.id())).contains(alert);
    }

    @Test
    void rateHistoryItemsExpireAboutFourHundredDaysAfterObservation() {
        Instant observed = Instant.parse("2026-11-25T09:00:00Z");
        stores.rateHistory().append(new Rate(USD_KRW, new BigDecimal("1400"), "frankfurter", observed), "e1");

        List<Map<String, AttributeValue>> items = DYNALITE.client()
                .scan(b -> b.tableName(config.rateHistoryTable())).items();

        assertThat(items).singleElement().satisfies(item -> assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(observed.plus(Duration.ofDays(400)).getEpochSecond()));
    }
}
