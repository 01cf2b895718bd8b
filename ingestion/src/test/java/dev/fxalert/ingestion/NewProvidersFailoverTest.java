package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.ingestion.testing.FakeFrankfurter;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingPublisher;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
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
 * The configured chain with both new providers, each on its own loopback server in its real format: Frankfurter
 * for what the ECB quotes, Open Exchange Rates for the rest, currency-api (through its fallback host) when Open
 * Exchange Rates has used up its quota.
 */
class NewProvidersFailoverTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final CurrencyPair USD_VND = CurrencyPair.of("USD", "VND");

    private final MockWebServer frankfurterServer = new MockWebServer();
    private final MockWebServer oxr = new MockWebServer();
    private final MockWebServer cdn = new MockWebServer();
    private final MockWebServer pagesDev = new MockWebServer();
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private final AlertStore alerts = mock(AlertStore.class);
    private final InMemoryRateHistory history = new InMemoryRateHistory();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Set<CurrencyPair> watched = new HashSet<>(Set.of(USD_KRW, USD_VND));

    @BeforeEach
    void start() throws IOException {
        frankfurterServer.setDispatcher(new FakeFrankfurter().quoting("USD", "KRW", "1468.35"));
        frankfurterServer.start();
        oxr.start();
        cdn.start();
        pagesDev.start();
        when(alerts.watchedPairs()).thenReturn(watched);
    }

    @AfterEach
    void stop() throws IOException {
        frankfurterServer.shutdown();
        oxr.shutdown();
        cdn.shutdown();
        pagesDev.shutdown();
    }

    private IngestionService chain() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of(
                "INGESTION_PROVIDERS", "frankfurter,openexchangerates,currency-api",
                "OPEN_EXCHANGE_RATES_APP_ID", "test-app-id",
                "FRANKFURTER_BASE_URL", frankfurterServer.url("/").toString(),
                "OPEN_EXCHANGE_RATES_BASE_URL", oxr.url("/").toString(),
                "CURRENCY_API_BASE_URL", cdn.url("/npm/@fawazahmed0/currency-api@latest").toString(),
                "CURRENCY_API_FALLBACK_URL", pagesDev.url("/").toString(),
                "PROVIDER_MAX_ATTEMPTS", "1"));
        return new IngestionService(RateProviders.fromConfig(config, clock, new RecordingSleeper()), alerts, history,
                publisher, clock, config);
    }

    @Test
    void aCurrencyTheEcbDoesNotQuoteComesFromOpenExchangeRates() {
        oxr.enqueue(json(Fixtures.read("openexchangerates/latest.json")));

        chain().runOnce();

        assertThat(publisher.published).extracting(RateUpdated::pair, RateUpdated::provider).containsExactlyInAnyOrder(
                tuple(USD_KRW, "frankfurter"), tuple(USD_VND, "openexchangerates"));
        assertThat(cdn.getRequestCount() + pagesDev.getRequestCount()).isZero();
    }

    @Test
    void fallsThroughToCurrencyApiAndItsFallbackHostWhenOpenExchangeRatesIsOverQuota() {
        oxr.enqueue(new MockResponse().setResponseCode(429)
                .setBody("{\"error\":true,\"status\":429,\"message\":\"access_restricted\"}"));
        cdn.enqueue(new MockResponse().setResponseCode(503));
        pagesDev.enqueue(json(Fixtures.read("currencyapi/usd.json")));

        IngestionSummary summary = chain().runOnce();

        assertThat(publisher.published).extracting(RateUpdated::pair, RateUpdated::provider, r -> r.rate().toPlainString())
                .containsExactlyInAnyOrder(tuple(USD_KRW, "frankfurter", "1468.35"),
                        tuple(USD_VND, "currency-api", "26345.56123455"));
        assertThat(summary.providerErrors()).isEqualTo(1);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}
