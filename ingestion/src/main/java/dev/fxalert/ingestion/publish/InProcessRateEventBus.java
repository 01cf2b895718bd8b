package dev.fxalert.ingestion.publish;

import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.RateEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The local mode's bus: delivers each event synchronously, in order, to every subscriber (evaluation, in the
 * all-in-one app). A subscriber that throws does not keep the event from the others; the event is logged and
 * returned as unpublished, so ingestion does not record it and the next run delivers it again under the same
 * event id (subscribers are idempotent per event id, as EventBridge targets must be too).
 */
public final class InProcessRateEventBus implements RateEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(InProcessRateEventBus.class);

    private final List<Consumer<RateUpdated>> subscribers = new CopyOnWriteArrayList<>();

    /** Removes its subscriber when closed. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Adds a subscriber; closing the returned subscription removes it. */
    public Subscription subscribe(Consumer<RateUpdated> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public List<RateUpdated> publish(List<RateUpdated> events) {
        Set<RateUpdated> failed = new LinkedHashSet<>();
        for (RateUpdated event : events) {
            for (Consumer<RateUpdated> subscriber : subscribers) {
                try {
                    subscriber.accept(event);
                } catch (RuntimeException e) {
                    log.error("subscriber {} failed on rate event {} for {}; it will be delivered again",
                            subscriber, event.eventId(), event.pair(), e);
                    failed.add(event);
                }
            }
        }
        return new ArrayList<>(failed);
    }
}
