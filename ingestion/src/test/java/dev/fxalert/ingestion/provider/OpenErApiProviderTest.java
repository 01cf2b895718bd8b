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

class OpenErApiProviderTest {

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private OpenErApiProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new OpenErApiProvider(client, server.url("/").toString(), clock, Duration.ofMinutes(20));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void readsTheRequestedCurrenciesFromTheFullTable() throws Exception {
        server.enqueue(json(200, Fixtures.read("openerapi/latest-usd.json")));

        List<Quote> quotes = provider.fetch("USD", Set.of("KRW", "JPY"));

        assertThat(server.takeRequest().getPath()).isEqualTo("/v6/latest/USD");
        assertThat(quotes).extracting(Quote::pair, Quote::value, Quote::observedAt).containsExactlyInAnyOrder(
                tuple(CurrencyPair.of("USD", "KRW"), "1470.231927", Instant.parse("2026-11-25T00:02:31Z")),
                tuple(CurrencyPair.of("USD", "JPY"), "155.611094", Instant.parse("2026-11-25T00:02:31Z")));
    }

    @Test
    void backsOffForTwentyMinutesAfterHttp429() {
        server.enqueue(new MockResponse().setResponseCode(429).setBody("{\"result\":\"error\",\"error-type\":\"rate-limited\"}"));
        server.enqueue(json(200, Fixtures.read("openerapi/latest-usd.json")));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED));
        clock.advance(Duration.ofMinutes(19));
        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("backing off after HTTP 429");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(provider.fetch("USD", Set.of("KRW"))).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void turnsAnErrorResultIntoARejection() {
        server.enqueue(json(200, Fixtures.read("openerapi/unsupported-code.json")));

        assertThatThrownBy(() -> provider.fetch("XXX", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(e.getMessage()).contains("unsupported-code");
                });
    }

    @Test
    void refusesATableWithoutItsUpdateTime() {
        server.enqueue(json(200, "{\"result\":\"success\",\"base_code\":\"USD\",\"rates\":{\"KRW\":1470.2}}"));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE));
    }
}
