package dev.fxalert.evaluation.support;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;

/** The real embedded store in a temp-dir file, with shorthands to create users and alerts. */
public final class StoreFixture implements AutoCloseable {

    public static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");

    private final EmbeddedStores stores;
    private final Clock clock;

    public StoreFixture(Path dir, Clock clock) {
        this.clock = clock;
        this.stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
    }

    public AlertStore alerts() {
        return stores.alerts();
    }

    /** Issue 14: the rate history percent moves are measured against. */
    public dev.fxalert.core.port.RateHistory rateHistory() {
        return stores.rateHistory();
    }

    public UserStore users() {
        return stores.users();
    }

    public User user(long chatId, String language) {
        return stores.users().linkChat(chatId, "User " + chatId, language);
    }

    public Alert alert(String id, User owner, Direction direction, String threshold, AlertMode mode, String note) {
        return stores.alerts().create(Alert.create(id, new Owner(owner.id(), owner.chatId()), USD_KRW, direction,
                new BigDecimal(threshold), mode, note, clock.instant()));
    }

    public Alert reload(Alert alert) {
        return stores.alerts().get(alert.owner().userId(), alert.id()).orElseThrow();
    }

    @Override
    public void close() {
        stores.close();
    }
}
