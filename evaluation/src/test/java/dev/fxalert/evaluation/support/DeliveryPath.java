package dev.fxalert.evaluation.support;

import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;

import java.time.Duration;

/**
 * The delivery path as the delivery tests drive it: the paced sender at 2 messages/s (one send slot is 500 ms) and
 * the outbox drainer in batches of 4, over a store, on the manual clock and its sleeper with direct executors (no
 * thread, no sleep). The sender is closed with it; the store is the test's.
 */
public final class DeliveryPath implements AutoCloseable {

    /** 2 messages/s overall, one a second per chat, 3 attempts a round (100-400 ms apart), 3 rounds a minute apart. */
    public static final PacingConfig PACING = new PacingConfig(2, Duration.ofSeconds(1), 4, 3,
            Duration.ofMillis(100), Duration.ofMillis(400), 3, Duration.ZERO, 3, Duration.ofMinutes(1));
    public static final OutboxDelivery.Config DRAIN = new OutboxDelivery.Config(4, Duration.ofSeconds(1), 2);

    public final PacedSender sender;
    public final OutboxDelivery delivery;

    public DeliveryPath(StoreFixture store, Notifier notifier, MutableClock clock) {
        sender = new PacedSender(notifier, store.alerts(), store.users(), DeliveryObserver.NONE, PACING, clock,
                clock.sleeper(), new DirectExecutorService());
        delivery = new OutboxDelivery(store.alerts(), store.users(), sender, clock, clock.sleeper(),
                new DirectExecutorService(), DRAIN);
    }

    @Override
    public void close() {
        sender.close();
    }
}
