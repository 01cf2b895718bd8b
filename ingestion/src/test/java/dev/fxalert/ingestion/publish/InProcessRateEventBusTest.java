package dev.fxalert.ingestion.publish;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InProcessRateEventBusTest {

    private final InProcessRateEventBus bus = new InProcessRateEventBus();
    private final RateUpdated krw = event("USD/KRW", "1392.5");
    private final RateUpdated jpy = event("USD/JPY", "155.42");

    @Test
    void deliversEveryEventInOrderToEverySubscriberBeforeReturning() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        bus.subscribe(e -> first.add(e.pair().toString()));
        bus.subscribe(e -> second.add(e.pair().toString()));

        List<RateUpdated> unpublished = bus.publish(List.of(krw, jpy));

        assertThat(unpublished).isEmpty();
        assertThat(first).containsExactly("USD/KRW", "USD/JPY");
        assertThat(second).containsExactly("USD/KRW", "USD/JPY");
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthersAndItsEventIsReported() {
        List<RateUpdated> received = new ArrayList<>();
        bus.subscribe(e -> {
            if (e.pair().quote().equals("KRW")) {
                throw new IllegalStateException("store unreachable");
            }
        });
        bus.subscribe(received::add);

        List<RateUpdated> unpublished = bus.publish(List.of(krw, jpy));

        assertThat(received).containsExactly(krw, jpy);
        assertThat(unpublished).containsExactly(krw);
    }

    @Test
    void stopsDeliveringToAClosedSubscription() {
        List<RateUpdated> received = new ArrayList<>();
        InProcessRateEventBus.Subscription subscription = bus.subscribe(received::add);

        subscription.close();
        bus.publish(List.of(krw));

        assertThat(received).isEmpty();
    }

    @Test
    void publishingWithoutSubscribersLosesNothingToReport() {
        assertThat(bus.publish(List.of(krw))).isEmpty();
    }

    private static RateUpdated event(String pair, String value) {
        return RateUpdated.of(new Rate(CurrencyPair.parse(pair), new BigDecimal(value), "frankfurter",
                Instant.parse("2026-11-24T15:00:00Z")), null);
    }
}
