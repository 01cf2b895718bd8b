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

class OpenExchangeRatesProviderTest {

    private static final Instant TABLE_TIME = Instant.parse("2026-11-25T01:00:00Z");
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    private final MutableClock clock = MutableClock.at("2026-11-25T01:10:00Z");
    private OpenExchangeRatesProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new OpenExchangeRatesProvider(client, server.url("/").toString(), "app-id-123", clock);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void readsUsdQuotesAsWritten() throws Exception {
        server.enqueue(json(200, Fixtures.read("openexchangerates/latest.json")));

        List<Quote> quotes = provider.fetch("USD", Set.of("KRW", "JPY", "XYZ"));

        assertThat(server.takeRequest().getPath()).isEqualTo("/api/latest.json?app_id=app-id-123");
        assertThat(quotes).extracting(Quote::pair, Quote::value, Quote::observedAt).containsExactlyInAnyOrder(
                tuple(CurrencyPair.of("USD", "KRW"), "1470.52", TABLE_TIME),
                tuple(CurrencyPair.of("USD", "JPY"), "155.5935", TABLE_TIME));
    }

    @Test
    void derivesOtherBasesFromUsdAndReusesTheTableUntilTheNextHour() {
        server.enqueue(json(200, Fixtures.read("openexchangerates/latest.json")));

        List<Quote> eur = provider.fetch("EUR", Set.of("KRW", "USD"));
        clock.advance(Duration.ofMinutes(45)); // 01:55, before the 02:00 table can exist
        List<Quote> jpy = provider.fetch("JPY", Set.of("KRW"));

        assertThat(server.getRequestCount()).isEqualTo(1);
        // EUR/KRW = 1470.52 / 0.866154; EUR/USD = 1 / 0.866154; JPY/KRW = 1470.52 / 155.5935, 12 significant digits
        assertThat(eur).extracting(Quote::pair, Quote::value).containsExactlyInAnyOrder(
                tuple(CurrencyPair.of("EUR", "KRW"), "1697.75813539"),
                tuple(CurrencyPair.of("EUR", "USD"), "1.15452910222"));
        assertThat(jpy).extracting(Quote::value).containsExactly("9.45103747907");

        clock.advance(Duration.ofMinutes(5)); // 02:00
        server.enqueue(json(200, Fixtures.read("openexchangerates/latest.json")));
        provider.fetch("USD", Set.of("KRW"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aLateTableIsStillReusedForAWhile() {
        MutableClock later = MutableClock.at("2026-11-25T03:00:00Z"); // the 01:00 table is two hours old: late
        OpenExchangeRatesProvider lateProvider =
                new OpenExchangeRatesProvider(client, server.url("/").toString(), "app-id-123", later);
        server.enqueue(json(200, Fixtures.read("openexchangerates/latest.json")));
        lateProvider.fetch("USD", Set.of("KRW"));
        later.advance(OpenExchangeRatesProvider.MIN_REUSE.minusSeconds(1));
        lateProvider.fetch("EUR", Set.of("KRW"));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBadAppIdIsReportedWithoutTheIdAndNotNarrowedDown() {
        server.enqueue(json(401, Fixtures.read("openexchangerates/invalid-app-id.json")));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW", "JPY")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("401").doesNotContain("app-id-123");
                });
    }

    @Test
    void theMonthlyQuotaIsARateLimit() {
        server.enqueue(new MockResponse().setResponseCode(429).setBody("{\"error\":true,\"status\":429,\"message\":\"access_restricted\"}"));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED));
    }

    @Test
    void anAbsurdLegIsPassedOnAsWrittenNeverDivided() {
        server.enqueue(json(200, "{\"timestamp\":1795568400,\"base\":\"USD\",\"rates\":{\"EUR\":1e999999999,\"KRW\":1470.52}}"));

        assertThat(provider.fetch("EUR", Set.of("KRW"))).extracting(Quote::value).containsExactly("1E+999999999");
    }
}
