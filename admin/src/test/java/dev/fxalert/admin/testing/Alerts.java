package dev.fxalert.admin.testing;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Owner;

import java.math.BigDecimal;
import java.time.Instant;

/** Alerts for tests, in the states the admin API shows. */
public final class Alerts {

    public static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");

    private Alerts() {
    }

    public static Alert armed(String id, String userId, long chatId, String pair, String threshold) {
        return Alert.create(id, new Owner(userId, chatId), CurrencyPair.parse(pair), Direction.ABOVE,
                new BigDecimal(threshold), AlertMode.REARM, null, CREATED);
    }

    /** Fired by a rate event at {@code firedAt}, its push not accepted by Telegram yet. */
    public static Alert firedPending(String id, String userId, long chatId, String pair, String threshold, Instant firedAt) {
        Alert armed = armed(id, userId, chatId, pair, threshold);
        return armed.fire(new Firing("event-" + id, new BigDecimal(threshold), "frankfurter", firedAt, firedAt));
    }

    /** Fired at {@code firedAt}, its push given up with {@code reason}. */
    public static Alert deadLettered(String id, String userId, long chatId, String pair, String threshold, Instant firedAt,
                                     String reason, boolean outcomeUnknown) {
        return firedPending(id, userId, chatId, pair, threshold, firedAt).pushDeadLettered(reason, outcomeUnknown);
    }

    public static Alert paused(String id, String userId, long chatId, String pair, String threshold) {
        return armed(id, userId, chatId, pair, threshold).pause();
    }
}
