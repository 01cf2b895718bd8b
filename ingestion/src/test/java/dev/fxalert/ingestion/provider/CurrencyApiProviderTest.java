package dev.fxalert.ingestion.provider;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider.FailureKind;
import dev.fxalert.core.port.RateProvider.FetchException;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.core.testing.MutableClock;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.fxalert.ingestion.provider.FrankfurterProviderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class CurrencyApiProviderTest {

    private final MockWebServer cdn = new MockWebServer();
    private final MockWebServer fallback = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private CurrencyApiProvider provider;

    @BeforeEach
    void start() throws IOException {
        cdn.start();
        fallback.start();
        provider = new CurrencyApiProvider(client, cdn.url("/npm/@fawazahmed0/currency-api@latest").toString(),
                fallback.url("/").toString(), clock);
    }

    @AfterEach
    void stop() throws IOException {
        cdn.shutdown();
        fallback.shutdown();
    }

    @Test
    void readsLowercaseCodesOfTheDailyTable() throws Exception {
        cdn.enqueue(json(200, Fixtures.read("currencyapi/usd.json")));

        List<Quote> quotes = provider.fetch("USD", Set.of("KRW", "VND", "XYZ"));

        assertThat(cdn.takeRequest().getPath()).isEqualTo("/npm/@fawazahmed0/currency-api@latest/v1/currencies/usd.json");
        assertThat(quotes).extracting(Quote::pair, Quote::value, Quote::observedAt).containsExactlyInAnyOrder(
                tuple(CurrencyPair.of("USD", "KRW"), "1470.18437122", Instant.parse("2026-11-25T00:00:00Z")),
                tuple(CurrencyPair.of("USD", "VND"), "26345.56123455", Instant.parse("2026-11-25T00:00:00Z")));
        assertThat(fallback.getRequestCount()).isZero();
    }

    @Test
    void theAnswerBecomesTheCatalogueWithoutCryptoCodes() {
        cdn.enqueue(json(200, Fixtures.read("currencyapi/usd.json")));

        provider.fetch("USD", Set.of("KRW"));

        assertThat(provider.currencies()).hasValueSatisfying(codes -> assertThat(codes)
                .contains("USD", "KRW", "VND", "EUR").doesNotContain("BTC", "1INCH", "AAVE"));
    }

    @Test
    void asksTheFallbackHostWhenTheCdnFails() throws Exception {
        cdn.enqueue(new MockResponse().setResponseCode(503));
        fallback.enqueue(json(200, Fixtures.read("currencyapi/usd.json")));

        List<Quote> quotes = provider.fetch("USD", Set.of("KRW"));

        assertThat(fallback.takeRequest().getPath()).isEqualTo("/v1/currencies/usd.json");
        assertThat(quotes).extracting(Quote::value).containsExactly("1470.18437122");
    }

    @Test
    void bothHostsFailingIsOneFailure() {
        cdn.enqueue(new MockResponse().setResponseCode(503));
        fallback.enqueue(new MockResponse().setResponseCode(502));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
                    assertThat(e.getMessage()).contains("fallback host").contains("502");
                });
    }

    @Test
    void anUnknownBaseIsNotNarrowedDownByQuoteCodes() {
        cdn.enqueue(new MockResponse().setResponseCode(404));
        fallback.enqueue(new MockResponse().setResponseCode(404));

        assertThatThrownBy(() -> provider.fetch("XTS", Set.of("KRW", "JPY")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE));
    }

    @Test
    void refusesATableWithoutItsDate() {
        cdn.enqueue(json(200, "{\"usd\":{\"krw\":1470.1}}"));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE));
    }
}
