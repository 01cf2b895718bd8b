package dev.fxalert.ingestion.provider;

import dev.fxalert.core.port.RateProvider.FailureKind;
import dev.fxalert.core.port.RateProvider.FetchException;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.ingestion.testing.FakeFrankfurter;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frankfurter's real 404-for-the-whole-request, narrowed down to the one bad symbol. */
class NarrowingRateProviderTest {

    private final MockWebServer server = new MockWebServer();
    private final FakeFrankfurter frankfurter = new FakeFrankfurter()
            .quoting("USD", "KRW", "1468.35").quoting("USD", "JPY", "155.42").quoting("USD", "EUR", "0.8661");
    private final OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofMillis(500))
            .retryOnConnectionFailure(false).build();
    private NarrowingRateProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(frankfurter);
        server.start();
        provider = new NarrowingRateProvider(new FrankfurterProvider(client, server.url("/").toString()));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void oneUnknownSymbolCostsOnlyItsOwnPair() {
        assertThat(provider.fetch("USD", new TreeSet<>(Set.of("EUR", "JPY", "KRW", "VND"))))
                .extracting(Quote::value).containsExactlyInAnyOrder("0.8661", "155.42", "1468.35");

        assertThat(frankfurter.latestRequests()).containsExactly(
                "/v1/latest?base=USD&symbols=EUR,JPY,KRW,VND",
                "/v1/latest?base=USD&symbols=EUR,JPY",
                "/v1/latest?base=USD&symbols=KRW,VND",
                "/v1/latest?base=USD&symbols=KRW",
                "/v1/latest?base=USD&symbols=VND");
    }

    @Test
    void aRequestWithoutBadSymbolsIsOneCall() {
        provider.fetch("USD", new TreeSet<>(Set.of("JPY", "KRW")));

        assertThat(frankfurter.latestRequests()).containsExactly("/v1/latest?base=USD&symbols=JPY,KRW");
    }

    @Test
    void anUnknownBaseStillFailsAsTheProvidersError() {
        assertThatThrownBy(() -> provider.fetch("VND", Set.of("KRW", "USD")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.REJECTED));
    }

    @Test
    void doesNotSplitOnServerErrorsWhichConcernTheProviderNotASymbol() throws IOException {
        server.shutdown();
        try (MockWebServer failing = new MockWebServer()) {
            failing.enqueue(new MockResponse().setResponseCode(503).setBody("{\"message\":\"unavailable\"}"));
            failing.start();
            NarrowingRateProvider narrowing = new NarrowingRateProvider(
                    new FrankfurterProvider(client, failing.url("/").toString()));

            assertThatThrownBy(() -> narrowing.fetch("USD", Set.of("JPY", "KRW")))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR));
            assertThat(failing.getRequestCount()).isEqualTo(1);
        }
    }
}
