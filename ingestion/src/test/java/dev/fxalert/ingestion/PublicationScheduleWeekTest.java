package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.core.testing.MutableClock;
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

    /**
     * Issue 17: a week with holidays (the ECB's Good Friday and Easter Monday 2027; Chuseok 2026 in Seoul), the
     * provider publishing on its real calendar: asking by publication spends no call on a holiday, and still
     * publishes every table in the same run as asking on every run.
     */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({"frankfurter, 2027-03-24T00:00:00Z, Europe/Berlin, 2027-03-26;2027-03-29",
            "koreaexim, 2026-09-21T00:00:00Z, Asia/Seoul, 2026-09-24;2026-09-25"})
    void aHolidayWeekSpendsNoCallOnTheHolidays(String provider, Instant start, String zone, String holidays) {
        Week everyRun = simulate(provider, false, start);
        Week byPublication = simulate(provider, true, start);
        Set<java.time.LocalDate> holidayDates = java.util.Arrays.stream(holidays.split(";"))
                .map(java.time.LocalDate::parse).collect(java.util.stream.Collectors.toSet());
        java.util.function.Function<Week, Long> onHolidays = week -> week.callTimes().stream()
                .filter(at -> holidayDates.contains(at.atZone(java.time.ZoneId.of(zone)).toLocalDate())).count();

        System.out.printf("%-18s holiday week from %s: calls every run: %5d (on the holidays %d)  by publication: %4d"
                        + " (on the holidays %d); events %d%n", provider, start, everyRun.calls(), onHolidays.apply(everyRun),
                byPublication.calls(), onHolidays.apply(byPublication), byPublication.events().size());
        assertThat(byPublication.events()).isNotEmpty().isEqualTo(everyRun.events());
        assertThat(onHolidays.apply(everyRun)).isPositive();
        assertThat(onHolidays.apply(byPublication)).isZero();
    }

    private record Published(Instant run, CurrencyPair pair, BigDecimal rate) {
    }

    private record Week(int calls, List<Published> events, List<Instant> callTimes) {
    }

    private Week simulate(String providerName, boolean byPublication) {
        return simulate(providerName, byPublication, MONDAY);
    }

    private Week simulate(String providerName, boolean byPublication, Instant start) {
        MutableClock clock = new MutableClock(start);
        PublishingProvider provider = new PublishingProvider(providerName, clock, start);
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
        return new Week(provider.calls, events, provider.callTimes);
    }

    /** Serves the newest table that has appeared by now: dated per its schedule, visible {@link #LATE_BY} later. */
    private static final class PublishingProvider implements RateProvider {
        private final String name;
        private final Clock clock;
        private final PublicationSchedule schedule;
        private final Instant start;
        int calls;
        final List<Instant> callTimes = new ArrayList<>();

        PublishingProvider(String name, Clock clock, Instant start) {
            this.name = name;
            this.clock = clock;
            this.schedule = PublicationSchedule.of(name).orElseThrow();
            this.start = start;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Quote> fetch(String base, Set<String> quotes) {
            calls++;
            callTimes.add(clock.instant());
            // Walk the schedule from a week before the simulation to the newest table visible now.
            Instant table = schedule.nextAfter(start.minus(Duration.ofDays(7)));
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
