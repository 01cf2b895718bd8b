package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.ingestion.testing.FakeFrankfurter;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.ingestion.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingPublisher;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A currency one provider does not quote never costs the other pairs: the whole chain as configured, against a
 * Frankfurter that behaves like the real one (404 for the whole request when any symbol is unknown).
 */
class ProviderIsolationTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final CurrencyPair USD_VND = CurrencyPair.of("USD", "VND");
    private static final CurrencyPair USD_JPY = CurrencyPair.of("USD", "JPY");

    private final MockWebServer server = new MockWebServer();
    private final FakeFrankfurter frankfurter = new FakeFrankfurter()
            .quoting("USD", "KRW", "1468.35").quoting("USD", "JPY", "155.42");
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private final AlertStore alerts = mock(AlertStore.class);
    private final InMemoryRateHistory history = new InMemoryRateHistory();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Set<CurrencyPair> watched = new HashSet<>();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(frankfurter);
        server.start();
        when(alerts.watchedPairs()).thenReturn(watched);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private IngestionService frankfurterOnly() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of(
                "INGESTION_PROVIDERS", "frankfurter",
                "FRANKFURTER_BASE_URL", server.url("/").toString(),
                "PROVIDER_MAX_ATTEMPTS", "1"));
        return new IngestionService(RateProviders.fromConfig(config, clock, new RecordingSleeper()), alerts, history,
                publisher, clock, config);
    }

    @Test
    void aUsdVndAlertDoesNotStopUsdKrwFromUpdating() {
        watched.addAll(Set.of(USD_KRW, USD_VND, USD_JPY));

        IngestionSummary summary = frankfurterOnly().runOnce();

        assertThat(publisher.published).extracting(RateUpdated::pair).containsExactlyInAnyOrder(USD_KRW, USD_JPY);
        assertThat(summary.providerErrors()).isZero();
    }

    @Test
    void requestsCarryOnlySymbolsTheProviderQuotes() {
        watched.addAll(Set.of(USD_KRW, USD_VND, USD_JPY, CurrencyPair.of("VND", "KRW")));

        frankfurterOnly().runOnce();

        assertThat(frankfurter.latestRequests()).containsExactly("/v1/latest?base=USD&symbols=JPY,KRW");
    }

    @Test
    void theShippedListStandsInWhenTheCurrencyListCannotBeFetched() {
        frankfurter.currenciesDown();
        watched.addAll(Set.of(USD_KRW, USD_VND));

        frankfurterOnly().runOnce();

        assertThat(frankfurter.latestRequests()).containsExactly("/v1/latest?base=USD&symbols=KRW");
        assertThat(publisher.published).extracting(RateUpdated::pair).containsExactly(USD_KRW);
    }

    @Test
    void theCurrencyListIsFetchedOnceAndReusedByLaterRuns() {
        watched.add(USD_KRW);
        IngestionService service = frankfurterOnly();

        service.runOnce();
        service.runOnce();

        assertThat(frankfurter.requests.stream().filter(path -> path.equals("/v1/currencies"))).hasSize(1);
    }
}
