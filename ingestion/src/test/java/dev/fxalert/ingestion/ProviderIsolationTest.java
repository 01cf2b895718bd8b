package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.ingestion.testing.FakeFrankfurter;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingPublisher;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
    void aCodeTheFirstProviderDoesNotQuoteGoesStraightToTheNextOne() throws IOException {
        try (MockWebServer openErApi = new MockWebServer()) {
            openErApi.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String base = request.getPath().substring("/v6/latest/".length());
                    String rates = base.equals("USD") ? "{\"USD\":1,\"KRW\":1470.23,\"VND\":26312.5}"
                            : "{\"VND\":1,\"KRW\":0.05588,\"USD\":0.0000380}";
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                            "{\"result\":\"success\",\"time_last_update_unix\":1795564951,\"base_code\":\""
                                    + base + "\",\"rates\":" + rates + "}");
                }
            });
            openErApi.start();
            IngestionConfig config = IngestionConfig.fromEnvironment(Map.of(
                    "INGESTION_PROVIDERS", "frankfurter,open-er-api",
                    "FRANKFURTER_BASE_URL", server.url("/").toString(),
                    "OPEN_ER_API_BASE_URL", openErApi.url("/").toString(),
                    "PROVIDER_MAX_ATTEMPTS", "1"));
            watched.addAll(Set.of(USD_KRW, USD_VND, CurrencyPair.of("VND", "KRW")));

            IngestionSummary summary = new IngestionService(RateProviders.fromConfig(config, clock, new RecordingSleeper()),
                    alerts, history, publisher, clock, config).runOnce();

            assertThat(frankfurter.latestRequests()).containsExactly("/v1/latest?base=USD&symbols=KRW");
            assertThat(publisher.published).extracting(RateUpdated::pair, RateUpdated::provider).containsExactlyInAnyOrder(
                    tuple(USD_KRW, "frankfurter"), tuple(USD_VND, "open-er-api"),
                    tuple(CurrencyPair.of("VND", "KRW"), "open-er-api"));
            assertThat(summary.providerErrors()).isZero();
        }
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
