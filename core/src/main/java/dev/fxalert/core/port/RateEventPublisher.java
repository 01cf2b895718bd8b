package dev.fxalert.core.port;

import dev.fxalert.core.domain.RateUpdated;

import java.util.List;

/** Puts rate events on the bus (EventBridge in AWS, in-process locally). */
public interface RateEventPublisher {

    /**
     * Publishes the events; returns those that could not be published after the adapter's retries
     * (empty when all went through).
     */
    List<RateUpdated> publish(List<RateUpdated> events);
}
