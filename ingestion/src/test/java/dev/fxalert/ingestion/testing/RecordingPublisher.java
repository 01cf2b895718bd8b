package dev.fxalert.ingestion.testing;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.RateEventPublisher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Records published events; events of pairs marked failing come back as unpublished. */
public final class RecordingPublisher implements RateEventPublisher {

    public final List<RateUpdated> published = new ArrayList<>();
    public int calls;
    private final Set<CurrencyPair> failing = new HashSet<>();

    public RecordingPublisher failingFor(String pair) {
        failing.add(CurrencyPair.parse(pair));
        return this;
    }

    public void recover() {
        failing.clear();
    }

    @Override
    public List<RateUpdated> publish(List<RateUpdated> events) {
        calls++;
        List<RateUpdated> unpublished = new ArrayList<>();
        for (RateUpdated event : events) {
            if (failing.contains(event.pair())) {
                unpublished.add(event);
            } else {
                published.add(event);
            }
        }
        return unpublished;
    }
}
