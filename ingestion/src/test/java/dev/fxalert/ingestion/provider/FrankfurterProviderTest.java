package dev.fxalert.ingestion.provider;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider.FailureKind;
import dev.fxalert.core.port.RateProvider.FetchException;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.ingestion.retry.RetryPolicy;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrankfurterProviderTest {

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofMillis(500))
            .readTimeout(Duration.ofMillis(200))
            .retryOnConnectionFailure(false)
            .build();
    private FrankfurterProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new FrankfurterProvider(client, server.url("/").toString());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void asksForAllQuoteCurrenciesOfOneBaseInOneCallAndKeepsDecimalsExact() throws Exception {
        server.enqueue(json(200, Fixtures.read("frankfurter/latest-usd.json")));

        List<Quote> quotes = provider.fetch("USD", new TreeSet<>(Set.of("KRW", "JPY")));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v1/latest?base=USD&symbols=JPY,KRW");
        assertThat(quotes).extracting(Quote::pair, Quote::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CurrencyPair.of("USD", "KRW"), "1468.35"),
                org.assertj.core.groups.Tuple.tuple(CurrencyPair.of("USD", "JPY"), "155.42"));
    }

    @Test
    void passesAnAbsurdExponentOnWithoutWritingItOut() {
        // a JSON number read as BigDecimal is cheap; toPlainString of 1e999999999 is a billion characters (OOM)
        server.enqueue(json(200, "{\"amount\":1.0,\"base\":\"USD\",\"date\":\"2026-11-24\","
                + "\"rates\":{\"KRW\":1e999999999,\"JPY\":1e-999999999}}"));

        List<Quote> quotes = provider.fetch("USD", new TreeSet<>(Set.of("KRW", "JPY")));

        assertThat(quotes).extracting(Quote::value).containsExactlyInAnyOrder("1E+999999999", "1E-999999999");
    }

    @Test
    void datesTheQuoteAtTheEcbPublicationAt16CentralEuropeanTime() {
        server.enqueue(json(200, Fixtures.read("frankfurter/latest-usd.json")));

        List<Quote> quotes = provider.fetch("USD", Set.of("KRW"));

        assertThat(quotes).singleElement().extracting(Quote::observedAt)
                .isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
    }

    @Test
    void retriesAServerErrorWithBackoffAndThenSucceeds() {
        server.enqueue(json(503, "{\"message\":\"upstream unavailable\"}"));
        server.enqueue(json(200, Fixtures.read("frankfurter/latest-usd.json")));
        RecordingSleeper sleeper = new RecordingSleeper();
        var retrying = new RetryingRateProvider(provider,
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), sleeper, new Random(7));

        List<Quote> quotes = retrying.fetch("USD", Set.of("KRW"));

        assertThat(quotes).singleElement().extracting(Quote::value).isEqualTo("1468.35");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void reportsATimeoutAsRetryable() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(e.kind().retryable()).isTrue();
                });
    }

    @Test
    void reportsAnUnknownCurrencyAsRejectedWithoutRetrying() {
        server.enqueue(json(404, "{\"message\":\"not found\"}"));
        RecordingSleeper sleeper = new RecordingSleeper();
        var retrying = new RetryingRateProvider(provider, new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)),
                sleeper, new Random(7));

        assertThatThrownBy(() -> retrying.fetch("USD", Set.of("XAU")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(e.getMessage()).contains("HTTP 404");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void reportsABodyThatIsNotJsonAsMalformed() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>maintenance</html>"));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE));
    }

    @Test
    void passesANonNumericValueOnForTheGuardsToReject() {
        server.enqueue(json(200, "{\"amount\":1.0,\"base\":\"USD\",\"date\":\"2026-11-24\",\"rates\":{\"KRW\":\"n/a\"}}"));

        assertThat(provider.fetch("USD", Set.of("KRW"))).singleElement().extracting(Quote::value).isEqualTo("n/a");
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
