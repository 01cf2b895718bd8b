package dev.fxalert.ingestion.provider;

import dev.fxalert.ingestion.retry.RetryPolicy;
import dev.fxalert.ingestion.testing.FakeFrankfurter;
import dev.fxalert.ingestion.Holidays;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.collection;

/** Each provider's currency catalogue: the shipped list first, then the provider's own. */
class ProviderCurrenciesTest {

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500))
            .retryOnConnectionFailure(false).build();
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private String url() {
        return server.url("/").toString();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void shippedListsHoldOnlyIsoCodes() {
        assertThat(CurrencyList.shipped(FrankfurterProvider.NAME)).hasSize(30).contains("USD", "KRW", "EUR")
                .doesNotContain("VND");
        assertThat(CurrencyList.shipped(KoreaEximProvider.NAME)).hasSize(23).contains("KRW", "CNY").doesNotContain("CNH");
        assertThat(CurrencyList.shipped(OpenErApiProvider.NAME)).hasSizeGreaterThan(140).contains("VND", "KRW")
                .doesNotContain("FOK", "GGP");
        assertThat(CurrencyList.shipped("unknown-provider")).isEmpty();
    }

    @Test
    void frankfurterReadsItsCurrencyListAndThenKeepsItForADay() {
        FakeFrankfurter frankfurter = new FakeFrankfurter();
        server.setDispatcher(frankfurter);
        FrankfurterProvider provider = new FrankfurterProvider(client, url(), clock);

        provider.refreshCurrencies();
        provider.refreshCurrencies();
        clock.advance(Duration.ofHours(25));
        provider.refreshCurrencies();

        assertThat(provider.currencies()).get().asInstanceOf(collection(String.class))
                .hasSize(30).contains("ISK");
        assertThat(frankfurter.requests).containsExactly("/v1/currencies", "/v1/currencies");
    }

    @Test
    void frankfurterKeepsTheShippedListWhenItsListIsMalformedAndRetriesAfterAnHour() {
        server.enqueue(json(200, Fixtures.read("frankfurter/latest-usd.json"))); // not a code-to-name object
        FrankfurterProvider provider = new FrankfurterProvider(client, url(), clock);

        provider.refreshCurrencies();
        clock.advance(Duration.ofMinutes(30));
        provider.refreshCurrencies();

        assertThat(provider.currencies()).contains(CurrencyList.shipped(FrankfurterProvider.NAME));
        assertThat(server.getRequestCount()).isEqualTo(1);

        server.enqueue(json(200, "{\"EUR\":\"Euro\",\"USD\":\"United States Dollar\"}"));
        clock.advance(Duration.ofMinutes(31));
        provider.refreshCurrencies();
        assertThat(provider.currencies()).contains(Set.of("EUR", "USD"));
    }

    @Test
    void openErApiLearnsItsListFromEachAnswer() {
        OpenErApiProvider provider = new OpenErApiProvider(client, url(), clock, Duration.ofMinutes(20));
        assertThat(provider.currencies()).contains(CurrencyList.shipped(OpenErApiProvider.NAME));
        server.enqueue(json(200, Fixtures.read("openerapi/latest-usd.json")));

        provider.fetch("USD", Set.of("KRW"));

        assertThat(provider.currencies()).contains(Set.of("USD", "AED", "EUR", "JPY", "KRW", "GBP"));
    }

    @Test
    void koreaEximbankLearnsItsListFromEachTable() {
        KoreaEximProvider provider = new KoreaEximProvider(client, url(), "key", clock, 7, Duration.ofMinutes(30),
                Holidays.korea()::isHoliday);
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        provider.fetch("USD", Set.of("KRW"));

        assertThat(provider.currencies()).contains(Set.of("AED", "CNY", "EUR", "IDR", "JPY", "KRW", "USD"));
    }

    @Test
    void decoratorsPassTheCatalogueThrough() {
        FakeFrankfurter frankfurter = new FakeFrankfurter();
        server.setDispatcher(frankfurter);
        var chain = new NarrowingRateProvider(new RetryingRateProvider(new FrankfurterProvider(client, url(), clock),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO), new RecordingSleeper(), new Random(1)));

        chain.refreshCurrencies();

        assertThat(frankfurter.requests).containsExactly("/v1/currencies");
        assertThat(chain.currencies()).get().asInstanceOf(collection(String.class))
                .contains("KRW");
    }
}
