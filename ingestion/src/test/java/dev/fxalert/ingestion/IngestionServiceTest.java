package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.core.port.RateProvider.FailureKind;
import dev.fxalert.core.port.RateProvider.FetchException;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import dev.fxalert.ingestion.guard.RejectionReason;
import dev.fxalert.ingestion.testing.FakeRateProvider;
import dev.fxalert.ingestion.testing.FakeRateProvider.Call;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class IngestionServiceTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final CurrencyPair USD_JPY = CurrencyPair.of("USD", "JPY");
    private static final Instant OBSERVED = Instant.parse("2026-11-25T00:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private final AlertStore alerts = mock(AlertStore.class);
    private final InMemoryRateHistory history = new InMemoryRateHistory();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final IngestionConfig config = IngestionConfig.fromEnvironment(Map.of());
    private final FakeRateProvider primary = new FakeRateProvider("primary", OBSERVED);
    private final FakeRateProvider secondary = new FakeRateProvider("secondary", OBSERVED);
    private final Set<CurrencyPair> watched = new HashSet<>();

    @BeforeEach
    void watch() {
        when(alerts.watchedPairs()).thenReturn(watched);
    }

    @Test
    void fetchesWatchedAndRecentlyAskedPairsWithOneCallPerBaseCurrency() {
        watched.addAll(Set.of(USD_KRW, USD_JPY, CurrencyPair.of("EUR", "KRW")));
        history.recordInterest(CurrencyPair.of("USD", "EUR"), clock.instant().minus(Duration.ofHours(1)));
        history.recordInterest(CurrencyPair.of("GBP", "KRW"), clock.instant().minus(Duration.ofDays(4)));

        IngestionSummary summary = service(primary).runOnce();

        assertThat(primary.calls).containsExactly(
                new Call("EUR", Set.of("KRW")),
                new Call("USD", Set.of("EUR", "JPY", "KRW")));
        assertThat(summary.pairsRequested()).isEqualTo(4);
    }

    @Test
    void publishesOneEventPerPairWithThePreviousRateAndAppendsItToTheHistory() {
        watched.add(USD_KRW);
        Rate earlier = new Rate(USD_KRW, new BigDecimal("1390"), "primary", OBSERVED.minus(Duration.ofDays(1)));
        history.append(earlier, "e-earlier");
        primary.quoting("USD/KRW", "1392.50");

        IngestionSummary summary = service(primary).runOnce();

        Rate expected = new Rate(USD_KRW, new BigDecimal("1392.5"), "primary", OBSERVED);
        assertThat(publisher.published).containsExactly(RateUpdated.of(expected, new BigDecimal("1390"), "e-earlier"));
        assertThat(publisher.published.get(0).eventId()).isEqualTo(RateUpdated.eventIdOf(expected, "e-earlier"));
        assertThat(history.latest(USD_KRW)).contains(expected);
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.pairsFetched()).isEqualTo(1);
    }

    @Test
    void asksTheProvidersConfiguredForACurrencyFirst() {
        IngestionConfig krwFirst = IngestionConfig.fromEnvironment(Map.of("KOREAEXIM_AUTHKEY", "k3y",
                "INGESTION_PROVIDERS", "frankfurter,koreaexim", "PROVIDER_ORDER_BY_CURRENCY", "KRW=koreaexim"));
        FakeRateProvider frankfurter = new FakeRateProvider("frankfurter", OBSERVED)
                .quoting("USD/KRW", "1392.5").quoting("USD/JPY", "155.4");
        FakeRateProvider koreaexim = new FakeRateProvider("koreaexim", OBSERVED)
                .quoting("USD/KRW", "1391").quoting("USD/JPY", "155.3");
        watched.addAll(Set.of(USD_KRW, USD_JPY));

        new IngestionService(List.of(frankfurter, koreaexim), alerts, history, publisher, clock, krwFirst).runOnce();

        assertThat(koreaexim.calls).containsExactly(new Call("USD", Set.of("KRW")));
        assertThat(frankfurter.calls).containsExactly(new Call("USD", Set.of("JPY")));
        assertThat(publisher.published).extracting(RateUpdated::pair, RateUpdated::provider).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(USD_KRW, "koreaexim"),
                org.assertj.core.groups.Tuple.tuple(USD_JPY, "frankfurter"));
    }

    @Test
    void asksForAPairOnlyWhenItsProviderCanHaveANewerTableThenHourlyOnceOverdue() {
        FakeRateProvider ecb = new FakeRateProvider("frankfurter", Instant.parse("2026-11-24T15:00:00Z"))
                .quoting("USD/KRW", "1392.5");
        watched.add(USD_KRW);
        IngestionService service = new IngestionService(List.of(ecb), alerts, history, publisher, clock, config);

        service.runOnce(); // 03:00 UTC: no table yet, so asked; the table of Tue 16:00 CET is stored
        clock.advance(Duration.ofHours(11)); // 14:00 UTC, before Wednesday's 16:00 CET
        service.runOnce();
        assertThat(ecb.calls).hasSize(1);
        assertThat(service.nextExpected(USD_KRW)).contains(Instant.parse("2026-11-25T15:00:00Z"));

        clock.advance(Duration.ofHours(1)); // 15:00 UTC = 16:00 CET: due, asked on every run for two hours
        service.runOnce();
        clock.advance(Duration.ofMinutes(5));
        service.runOnce();
        assertThat(ecb.calls).hasSize(3);

        clock.advance(Duration.ofHours(2)); // still yesterday's table, two hours late: hourly from now on
        service.runOnce();
        clock.advance(Duration.ofMinutes(30));
        service.runOnce();
        assertThat(ecb.calls).hasSize(4);
        clock.advance(Duration.ofMinutes(30));
        service.runOnce();
        assertThat(ecb.calls).hasSize(5);
    }

    @Test
    void asksTheNextProviderOnlyForThePairsTheFirstCouldNotQuote() {
        watched.addAll(Set.of(USD_KRW, USD_JPY));
        primary.quoting("USD/KRW", "1392.5");
        secondary.quoting("USD/KRW", "1391").quoting("USD/JPY", "155.4");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(secondary.calls).containsExactly(new Call("USD", Set.of("JPY")));
        assertThat(publisher.published).extracting(RateUpdated::pair, RateUpdated::provider)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(USD_KRW, "primary"),
                        org.assertj.core.groups.Tuple.tuple(USD_JPY, "secondary"));
        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.MISSING, 1));
    }

    @Test
    void failsOverToTheNextProviderWhenOneFails() {
        watched.add(USD_KRW);
        primary.failingWith(new FetchException("primary", FailureKind.SERVER_ERROR, "latest USD answered HTTP 503"));
        secondary.quoting("USD/KRW", "1391");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(publisher.published).singleElement().extracting(RateUpdated::provider).isEqualTo("secondary");
        assertThat(summary.providerErrors()).isEqualTo(1);
        assertThat(summary.providers()).extracting(ProviderRun::provider, ProviderRun::calls, ProviderRun::pairs,
                        ProviderRun::error)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("primary", 1, 0, "primary: latest USD answered HTTP 503"),
                        org.assertj.core.groups.Tuple.tuple("secondary", 1, 1, null));
    }

    @Test
    void keepsGoingWhenAProviderBreaksUnexpectedly() {
        watched.add(USD_KRW);
        primary.failingWith(new IllegalStateException("bug"));
        secondary.quoting("USD/KRW", "1391");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.providers().get(0).error()).isEqualTo("primary: unexpected IllegalStateException");
    }

    @Test
    void rejectsNonNumericNonPositiveAndMissingQuotesWithTheirReasonAndNeverPublishesThem() {
        watched.addAll(Set.of(USD_KRW, USD_JPY, CurrencyPair.of("USD", "EUR")));
        primary.quoting("USD/KRW", "abc").quoting("USD/JPY", "0");

        IngestionSummary summary = service(primary).runOnce();

        assertThat(publisher.published).isEmpty();
        assertThat(history.all()).isEmpty();
        assertThat(summary.rejected()).isEqualTo(Map.of(
                RejectionReason.NON_NUMERIC, 1, RejectionReason.NON_POSITIVE, 1, RejectionReason.MISSING, 1));
        assertThat(summary.providers().get(0).rejectedQuotes()).isEqualTo(3);
        assertThat(summary.pairsFetched()).isZero();
    }

    @Test
    void rejectsAQuoteOlderThanItsProvidersUpdateCycle() {
        watched.add(USD_KRW);
        FakeRateProvider stale = new FakeRateProvider("stale", clock.instant().minus(Duration.ofDays(3))).quoting("USD/KRW", "1391");

        IngestionSummary summary = service(stale, secondary.quoting("USD/KRW", "1392")).runOnce();

        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.STALE, 1));
        assertThat(publisher.published).singleElement().extracting(RateUpdated::provider).isEqualTo("secondary");
    }

    @Test
    void aFutureDatedQuoteIsRejectedNeverPublishedAndNeverLatest() {
        watched.add(USD_KRW);
        storeLast("1400");
        FakeRateProvider future = new FakeRateProvider("primary", Instant.parse("2099-01-01T00:00:00Z"))
                .quoting("USD/KRW", "1401");

        IngestionSummary summary = service(future).runOnce();

        assertThat(publisher.published).isEmpty();
        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.FUTURE, 1));
        assertThat(history.latest(USD_KRW)).map(Rate::value).contains(new BigDecimal("1400"));
        assertThat(service(future).current(USD_KRW)).isEmpty();
    }

    @Test
    void theFutureAllowanceComesFromTheConfiguration() {
        watched.add(USD_KRW);
        FakeRateProvider aheadOneMinute = new FakeRateProvider("primary", clock.instant().plus(Duration.ofMinutes(1)))
                .quoting("USD/KRW", "1401");
        IngestionConfig noSkew = IngestionConfig.fromEnvironment(Map.of("QUOTE_CLOCK_SKEW_MINUTES", "0"));

        IngestionSummary strict = new IngestionService(List.of(aheadOneMinute), alerts, history, publisher, clock, noSkew)
                .runOnce();
        assertThat(strict.rejected()).isEqualTo(Map.of(RejectionReason.FUTURE, 1));

        IngestionSummary lenient = service(aheadOneMinute).runOnce(); // default: 5 minutes
        assertThat(lenient.rejected()).isEmpty();
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void aPairsImplausibleFirstQuoteIsRejectedWhenNoOtherProviderConfirmsIt() {
        watched.add(USD_JPY);
        primary.quoting("USD/JPY", "0.0000001");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(publisher.published).isEmpty();
        assertThat(history.all()).isEmpty();
        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.IMPLAUSIBLE, 1, RejectionReason.MISSING, 1));
        assertThat(service(primary).current(USD_JPY)).isEmpty();
    }

    @Test
    void aPairsImplausibleFirstQuoteGivesWayToAnotherProvidersPlausibleOne() {
        watched.add(USD_JPY);
        primary.quoting("USD/JPY", "0.0000001");
        secondary.quoting("USD/JPY", "155.6");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(publisher.published).singleElement().satisfies(event -> {
            assertThat(event.rate()).isEqualByComparingTo("155.6");
            assertThat(event.provider()).isEqualTo("secondary");
        });
        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.IMPLAUSIBLE, 1));
    }

    @Test
    void anAbsurdExponentIsRejectedWithoutArithmeticInARunAndInALiveLookup() {
        watched.add(USD_KRW);
        primary.quoting("USD/KRW", "1e999999999");

        IngestionSummary summary = service(primary).runOnce();

        assertThat(publisher.published).isEmpty();
        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.OUT_OF_RANGE, 1));
        assertThat(service(primary).current(USD_KRW)).isEmpty(); // the bot's /rate when history is stale
    }

    @Test
    void quarantinesASpikeThatNoSecondProviderConfirms() {
        watched.add(USD_KRW);
        storeLast("1400");
        primary.quoting("USD/KRW", "1600");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(publisher.published).isEmpty();
        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.SPIKE, 1, RejectionReason.MISSING, 1));
        assertThat(secondary.calls).containsExactly(new Call("USD", Set.of("KRW")));
    }

    @Test
    void publishesASpikeASecondProviderConfirms() {
        watched.add(USD_KRW);
        storeLast("1400");
        primary.quoting("USD/KRW", "1600");
        secondary.quoting("USD/KRW", "1605");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(publisher.published).singleElement().satisfies(event -> {
            assertThat(event.rate()).isEqualByComparingTo("1600");
            assertThat(event.provider()).isEqualTo("primary");
            assertThat(event.previousRate()).isEqualByComparingTo("1400");
        });
        assertThat(summary.rejected()).isEmpty();
    }

    @Test
    void publishesTheSecondProvidersOrdinaryQuoteWhenItContradictsASpike() {
        watched.add(USD_KRW);
        storeLast("1400");
        primary.quoting("USD/KRW", "1600");
        secondary.quoting("USD/KRW", "1402");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(publisher.published).singleElement().satisfies(event -> {
            assertThat(event.rate()).isEqualByComparingTo("1402");
            assertThat(event.provider()).isEqualTo("secondary");
        });
        assertThat(summary.rejected()).isEqualTo(Map.of(RejectionReason.SPIKE, 1));
        assertThat(summary.providers().get(0).rejectedQuotes()).isEqualTo(1);
    }

    @Test
    void doesNotPublishARateEqualToTheLastPublishedOne() {
        watched.add(USD_KRW);
        storeLast("1392.5");
        primary.quoting("USD/KRW", "1392.50");

        IngestionSummary summary = service(primary).runOnce();

        assertThat(publisher.calls).isZero();
        assertThat(summary.unchanged()).isEqualTo(1);
        assertThat(summary.published()).isZero();
        assertThat(summary.pairsFetched()).isEqualTo(1);
    }

    @Test
    void leavesAnUnpublishedEventOutOfTheHistorySoTheNextRunPublishesItAgain() {
        watched.add(USD_KRW);
        primary.quoting("USD/KRW", "1392.5");
        publisher.failingFor("USD/KRW");
        IngestionService service = service(primary);

        IngestionSummary failed = service.runOnce();
        publisher.recover();
        IngestionSummary retried = service.runOnce();

        assertThat(failed.unpublished()).isEqualTo(1);
        assertThat(failed.published()).isZero();
        assertThat(retried.published()).isEqualTo(1);
        assertThat(history.all()).hasSize(1);
    }

    @Test
    void treatsAPublisherThatThrowsAsNothingPublished() {
        watched.add(USD_KRW);
        primary.quoting("USD/KRW", "1392.5");
        IngestionService service = new IngestionService(List.of(primary), alerts, history, events -> {
            throw new IllegalStateException("bus down");
        }, clock, config);

        IngestionSummary summary = service.runOnce();

        assertThat(summary.unpublished()).isEqualTo(1);
        assertThat(history.all()).isEmpty();
    }

    @Test
    void reportsWhenEachProviderWasCalledAndWhatItGave() {
        watched.addAll(Set.of(USD_KRW, CurrencyPair.of("EUR", "KRW")));
        primary.quoting("USD/KRW", "1392.5").quoting("EUR/KRW", "-3");
        secondary.quoting("EUR/KRW", "1695.1");

        IngestionSummary summary = service(primary, secondary).runOnce();

        assertThat(summary.providers()).extracting(ProviderRun::provider, ProviderRun::lastCalledAt,
                        ProviderRun::calls, ProviderRun::pairs, ProviderRun::rejectedQuotes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("primary", clock.instant(), 2, 1, 1),
                        org.assertj.core.groups.Tuple.tuple("secondary", clock.instant(), 1, 1, 0));
        assertThat(summary.rejectedTotal()).isEqualTo(1);
        assertThat(summary.startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void looksUpACurrentRateThroughTheSameGuardsWithoutPublishingOrStoring() {
        primary.quoting("USD/KRW", "abc");
        secondary.quoting("USD/KRW", "1391.2");

        var rate = service(primary, secondary).current(USD_KRW);

        assertThat(rate).contains(new Rate(USD_KRW, new BigDecimal("1391.2"), "secondary", OBSERVED));
        assertThat(publisher.calls).isZero();
        assertThat(history.all()).isEmpty();
    }

    @Test
    void looksUpNothingWhenOnlyAnUnconfirmedSpikeIsAvailable() {
        storeLast("1400");
        primary.quoting("USD/KRW", "2000");

        assertThat(service(primary, secondary).current(USD_KRW)).isEmpty();
    }

    // Issue 17: a bank's buying and selling rates (Korea Eximbank's TTB/TTS) as series of their own.
    @Test
    void publishesAndStoresABanksRatesAsTheirOwnSeriesAlongWithItsTrustedMidRate() {
        watched.add(USD_KRW);
        primary.quoting("USD/KRW", "1468.5").quotingBank("USD/KRW", RateKind.BANK_SELL, "1483.18")
                .quotingBank("USD/KRW", RateKind.BANK_BUY, "1453.82");
        Rate earlierSell = new Rate(USD_KRW, new BigDecimal("1480"), "primary", OBSERVED.minus(Duration.ofDays(1)),
                RateKind.BANK_SELL);
        history.append(earlierSell, "e-sell");

        service(primary).runOnce();

        Rate sell = new Rate(USD_KRW, new BigDecimal("1483.18"), "primary", OBSERVED, RateKind.BANK_SELL);
        assertThat(publisher.published).extracting(RateUpdated::kind)
                .containsExactlyInAnyOrder(RateKind.MID, RateKind.BANK_SELL, RateKind.BANK_BUY);
        assertThat(publisher.published).filteredOn(e -> e.kind() == RateKind.BANK_SELL).singleElement()
                .isEqualTo(RateUpdated.of(sell, new BigDecimal("1480"), "e-sell"));
        assertThat(history.latest(USD_KRW)).get().extracting(Rate::value).isEqualTo(new BigDecimal("1468.5"));
        assertThat(history.latest(USD_KRW, RateKind.BANK_SELL)).contains(sell);
        assertThat(history.latest(USD_KRW, RateKind.BANK_BUY)).get().extracting(Rate::value)
                .isEqualTo(new BigDecimal("1453.82"));

        publisher.published.clear();
        service(primary).runOnce();
        assertThat(publisher.published).as("unchanged, each kind against its own latest").isEmpty();
    }

    @Test
    void takesNoBankRateWithoutItsProvidersTrustedMidRateNorOneFarFromIt() {
        watched.add(USD_KRW);
        storeLast("1400");
        // primary's mid rate is a spike nobody confirms: its bank rates go with it
        primary.quoting("USD/KRW", "2000").quotingBank("USD/KRW", RateKind.BANK_SELL, "2020");
        // secondary's mid rate is trusted; its buying rate is 20% off it: a broken row, not a rate
        secondary.quoting("USD/KRW", "1401").quotingBank("USD/KRW", RateKind.BANK_BUY, "1120");

        service(primary, secondary).runOnce();

        assertThat(publisher.published).extracting(RateUpdated::kind, RateUpdated::provider)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RateKind.MID, "secondary"));
        assertThat(history.latest(USD_KRW, RateKind.BANK_SELL)).isEmpty();
        assertThat(history.latest(USD_KRW, RateKind.BANK_BUY)).isEmpty();
    }

    @Test
    void aLiveLookupGivesTheMidRateOnly() {
        primary.quoting("USD/KRW", "1468.5").quotingBank("USD/KRW", RateKind.BANK_SELL, "1483.18");

        assertThat(service(primary).current(USD_KRW)).get().extracting(Rate::kind).isEqualTo(RateKind.MID);
    }

    private void storeLast(String value) {
        Rate last = new Rate(USD_KRW, new BigDecimal(value), "primary", OBSERVED.minus(Duration.ofDays(1)));
        history.append(last, "e-last");
    }

    private IngestionService service(RateProvider... chain) {
        return new IngestionService(List.of(chain), alerts, history, publisher, clock, config);
    }
}
