package dev.fxalert.ingestion;

import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.ingestion.testing.FakeRateProvider;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's catalogue from a running chain, and from the shipped lists of a configured one. */
class RateProvidersCatalogueTest {

    @Test
    void aRunningChainsCatalogueFollowsWhatItsProvidersLearn() throws IOException {
        try (MockWebServer openErApi = new MockWebServer()) {
            openErApi.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody(Fixtures.read("openerapi/latest-usd.json")));
            openErApi.start();
            IngestionConfig config = IngestionConfig.fromEnvironment(Map.of("INGESTION_PROVIDERS", "open-er-api",
                    "OPEN_ER_API_BASE_URL", openErApi.url("/").toString()));
            var chain = RateProviders.fromConfig(config, MutableClock.at("2026-11-25T03:00:00Z"), new RecordingSleeper());
            CurrencyCatalogue catalogue = RateProviders.catalogue(chain);
            assertThat(catalogue.supports("VND")).isTrue(); // the shipped list, until an answer is read

            chain.get(0).fetch("USD", Set.of("KRW"));

            assertThat(catalogue.all()).containsExactly("AED", "EUR", "GBP", "JPY", "KRW", "USD");
            assertThat(catalogue.sources("KRW")).containsExactly("open-er-api");
        }
    }

    @Test
    void aProviderWithoutAListCountsAsQuotingEveryIsoCode() {
        CurrencyCatalogue catalogue = RateProviders.catalogue(List.of(new FakeRateProvider("fake", Instant.EPOCH)));

        assertThat(catalogue.sources("VND")).containsExactly("fake");
        assertThat(catalogue.supports("QQQ")).isFalse();
    }

    @Test
    void theShippedCatalogueFollowsTheConfiguredOrder() {
        CurrencyCatalogue catalogue = RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of(
                "INGESTION_PROVIDERS", "open-er-api,frankfurter")));

        assertThat(catalogue.sources("EUR")).containsExactly("open-er-api", "frankfurter");
        assertThat(catalogue.sources("VND")).containsExactly("open-er-api");
    }
}
