package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.ingestion.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingPublisher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A simulated week (Mon 2026-11-23 00:00 UTC, a run every 5 minutes, 2,016 runs) against a provider that publishes
 * on its real schedule, a little late (the table dated 16:00 appears at 16:10), with values that change at every
 * publication. Run once asking on every run, once asking by publication: the events published (pair, value and
 * the run that published them) must be identical, so no crossing is delayed, and the calls must drop.
 * Prints the numbers recorded in docs/performance.md.
 */
class PublicationScheduleWeekTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration RUN_EVERY = Duration.ofMinutes(5);
    private static final int RUNS = 7 * 24 * 12;
    private static final Duration LATE_BY = Duration.ofMinutes(10);
    private static final Set<CurrencyPair> WATCHED = Set.of(CurrencyPair.of("USD", "KRW"), CurrencyPair.of("USD", "JPY"),
            CurrencyPair.of("EUR", "KRW"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"frankfurter", "koreaexim", "openexchangerates", "open-er-api", "currency-api"})
    void askingByPublicationCutsCallsWithoutDelayingAnyPublication(String provider) {
        Week everyRun = simulate(provider, false);
        Week byPublication = simulate(provider, true);

        System.out.printf("%-18s calls/week every run: %5d  by publication: %4d  (per day %.1f -> %.1f, x%.1f fewer);"
                        + " events %d%n", provider, everyRun.calls(), byPublication.calls(), everyRun.calls() / 7.0,
                byPublication.calls() / 7.0, (double) everyRun.calls() / byPublication.calls(), byPublication.events().size());
        assertThat(byPublication.events()).isNotEmpty().isEqualTo(everyRun.events());
        assertThat(byPublication.calls()).isLessThanOrEqualTo(everyRun.calls() / 4);
    }

    private record Published(Instant run, CurrencyPair pair, BigDecimal rate) {
    }

    private record Week(int calls, List<Published> events) {
    }

    private Week simulate(String providerName, boolean byPublication) {
        MutableClock clock = new MutableClock(MONDAY);
        PublishingProvider provider = new PublishingProvider(providerName, clock);
        AlertStore alerts = mock(AlertStore.class);
        when(alerts.watchedPairs()).thenReturn(WATCHED);
        RecordingPublisher publisher = new RecordingPublisher();
        Map<String, String> env = providerName.equals("openexchangerates")
                ? Map.of("OPEN_EXCHANGE_RATES_APP_ID", "x", "SCHEDULE_BY_PUBLICATION", String.valueOf(byPublication))
                : Map.of("KOREAEXIM_AUTHKEY", "x", "SCHEDULE_BY_PUBLICATION", String.valueOf(byPublication));
        IngestionService service = new IngestionService(List.of(provider), alerts, new InMemoryRateHistory(), publisher,
                clock, IngestionConfig.fromEnvironment(env));
        List<Published> events = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            int before = publisher.published.size();
            service.runOnce();
            for (RateUpdated event : publisher.published.subList(before, publisher.published.size())) {
                events.add(new Published(clock.instant(), event.pair(), event.rate()));
            }
            clock.advance(RUN_EVERY);
        }
        return new Week(provider.calls, events);
    }

    /** Serves the newest table that has appeared by now: dated per its schedule, visible {@link #LATE_BY} later. */
    private static final class PublishingProvider implements RateProvider {
        private final String name;
        private final Clock clock;
        private final PublicationSchedule schedule;
        int calls;

        PublishingProvider(String name, Clock clock) {
            this.name = name;
            this.clock = clock;
            this.schedule = PublicationSchedule.of(name).orElseThrow();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Quote> fetch(String base, Set<String> quotes) {
            calls++;
            // Walk the schedule from a week before the simulation to the newest table visible now.
            Instant table = schedule.nextAfter(MONDAY.minus(Duration.ofDays(7)));
            int index = 0;
            while (!schedule.nextAfter(table).plus(LATE_BY).isAfter(clock.instant())) {
                table = schedule.nextAfter(table);
                index++;
            }
            List<Quote> result = new ArrayList<>();
            for (String quote : quotes) {
                BigDecimal reference = switch (base + quote) {
                    case "USDKRW" -> new BigDecimal("1400");
                    case "USDJPY" -> new BigDecimal("150");
                    default -> new BigDecimal("1600");
                };
                BigDecimal value = reference.add(BigDecimal.valueOf(index % 9));
                result.add(new Quote(CurrencyPair.of(base, quote), value.toPlainString(), table));
            }
            return result;
        }
    }
}
