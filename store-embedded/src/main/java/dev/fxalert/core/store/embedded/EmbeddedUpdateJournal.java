package dev.fxalert.core.store.embedded;

import dev.fxalert.core.port.UpdateJournal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Handled updates in H2 ({@code handled_updates}), one row per delivery id; the primary key decides which of two
 * concurrent marks recorded it. Purged when the store opens and every hour while it is open.
 */
final class EmbeddedUpdateJournal implements UpdateJournal {

    private final Jdbc jdbc;
    private final Clock clock;

    EmbeddedUpdateJournal(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean wasHandled(String deliveryId) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        return jdbc.queryOne("SELECT 1 FROM handled_updates WHERE delivery_id = ? AND handled_at > ?",
                row -> true, deliveryId, expiredAtOrBefore()).isPresent();
    }

    @Override
    public boolean markHandled(String deliveryId, Instant at) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(at, "at");
        try {
            jdbc.update("INSERT INTO handled_updates (delivery_id, handled_at) VALUES (?, ?)", deliveryId, at);
            return true;
        } catch (EmbeddedStoreException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
        }
        // An expired row not purged yet counts as absent: take it over (one conditional update decides the race).
        return jdbc.update("UPDATE handled_updates SET handled_at = ? WHERE delivery_id = ? AND handled_at <= ?",
                at, deliveryId, expiredAtOrBefore()) == 1;
    }

    @Override
    public void purgeExpired() {
        jdbc.update("DELETE FROM handled_updates WHERE handled_at <= ?", expiredAtOrBefore());
    }

    private Instant expiredAtOrBefore() {
        return clock.instant().minus(RETENTION);
    }
}
