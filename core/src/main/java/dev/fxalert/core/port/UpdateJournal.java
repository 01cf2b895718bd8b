package dev.fxalert.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Which incoming deliveries (Telegram updates, by a transport-chosen delivery id) were already handled and
 * answered, so a redelivery after a crash is not answered a second time.
 *
 * <p>Protocol (the transport's side): before handling a delivery, ask {@link #wasHandled}; if so, only acknowledge
 * it. Otherwise handle it, send its replies, then {@link #markHandled}. What remains is the instant between a reply
 * being accepted by Telegram and the mark being durable: a crash there answers that delivery twice. Marking
 * before replying would close it, but a crash between mark and reply would then lose the answer.
 *
 * <p>Entries are kept {@link #RETENTION}: Telegram keeps an unconfirmed update at most 24 hours, and picks update
 * ids at random again only after a week without updates, so two days neither forgets a redeliverable update nor
 * mistakes a new one for an old one. An entry older than that reads as not handled, whether or not it has been
 * purged yet.
 */
public interface UpdateJournal {

    Duration RETENTION = Duration.ofDays(2);

    /** True when {@code deliveryId} was marked handled within {@link #RETENTION} of the store's clock. */
    boolean wasHandled(String deliveryId);

    /**
     * Records that {@code deliveryId} was handled at {@code at}.
     *
     * @return true if this call recorded it; false if it was already marked (and not expired): of two concurrent
     *     marks of one id exactly one returns true
     */
    boolean markHandled(String deliveryId, Instant at);

    /** Forgets entries older than {@link #RETENTION} (a store with its own expiry, e.g. DynamoDB TTL, may do nothing). */
    void purgeExpired();
}
