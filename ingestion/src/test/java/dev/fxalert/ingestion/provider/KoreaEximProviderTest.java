package dev.fxalert.ingestion.provider;

import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.port.RateProvider.FailureKind;
import dev.fxalert.core.port.RateProvider.FetchException;
import dev.fxalert.core.port.RateProvider.Quote;
import dev.fxalert.ingestion.Holidays;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.core.testing.MutableClock;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.fxalert.ingestion.provider.FrankfurterProviderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KoreaEximProviderTest {

    private static final String KEY = "s3cr3t-KoreaExim-key";
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    /** Wednesday 25 November 2026, 12:00 in Seoul: today's table is out. */
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private KoreaEximProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new KoreaEximProvider(client, server.url("/").toString(), KEY, clock, 7, Duration.ofMinutes(30),
                Holidays.korea()::isHoliday);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void asksForTodaysTableInSeoulWithTheKeyAndDataCode() throws Exception {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        provider.fetch("USD", Set.of("KRW"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/site/program/financial/exchangeJSON");
        assertThat(request.getRequestUrl().queryParameter("authkey")).isEqualTo(KEY);
        assertThat(request.getRequestUrl().queryParameter("searchdate")).isEqualTo("20261125");
        assertThat(request.getRequestUrl().queryParameter("data")).isEqualTo("AP01");
    }

    @Test
    void readsNumbersWithThousandsSeparators() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        Map<String, String> quotes = values(provider.fetch("USD", Set.of("KRW")));

        assertThat(quotes).containsEntry("USD/KRW", "1468.5");
    }

    @Test
    void givesTheBanksBuyingAndSellingRatesAgainstKrwBesidesTheBaseRate() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        List<Quote> usd = provider.fetch("USD", Set.of("KRW", "EUR"));
        List<Quote> yen = provider.fetch("JPY", Set.of("KRW"));

        // "ttb":"1,453.82", "tts":"1,483.18": thousands separators, like deal_bas_r.
        assertThat(bankValues(usd, "USD/KRW")).containsExactlyInAnyOrderEntriesOf(
                Map.of(RateKind.BANK_BUY, "1453.82", RateKind.BANK_SELL, "1483.18"));
        assertThat(usd).filteredOn(q -> q.kind() != RateKind.MID)
                .allSatisfy(q -> assertThat(q.observedAt()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z")));
        assertThat(bankValues(usd, "USD/EUR")).as("no cross rate from a bank's rates").isEmpty();
        // Per 100 yen in the table: 935.38 and 954.28.
        assertThat(bankValues(yen, "JPY/KRW")).containsExactlyInAnyOrderEntriesOf(
                Map.of(RateKind.BANK_BUY, "9.3538", RateKind.BANK_SELL, "9.5428"));
    }

    @Test
    void givesNoBankRatesForKrwItselfNorWhereTheRowHasNone() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        assertThat(provider.fetch("KRW", Set.of("USD"))).allSatisfy(q -> assertThat(q.kind()).isEqualTo(RateKind.MID));
    }

    @Test
    void dividesPerHundredUnitsOfYenAndRupiah() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        Map<String, String> yen = values(provider.fetch("JPY", Set.of("KRW")));
        Map<String, String> rupiah = values(provider.fetch("IDR", Set.of("KRW")));

        assertThat(yen).containsEntry("JPY/KRW", "9.4483");
        assertThat(rupiah).containsEntry("IDR/KRW", "0.0879");
    }

    @Test
    void derivesCrossPairsThroughKrw() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        Map<String, String> quotes = values(provider.fetch("USD", Set.of("JPY", "EUR")));

        // 1468.5 KRW per USD / 9.4483 KRW per JPY
        assertThat(new BigDecimal(quotes.get("USD/JPY"))).isEqualByComparingTo("155.424785411");
        assertThat(new BigDecimal(quotes.get("USD/EUR"))).isEqualByComparingTo("0.866305239126");
    }

    @Test
    void quotesKrwAsBaseAndTheOffshoreYuanAsTheYuan() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        Map<String, String> quotes = values(provider.fetch("KRW", Set.of("USD", "CNY")));

        assertThat(new BigDecimal(quotes.get("KRW/USD"))).isEqualByComparingTo("0.000680966973102");
        assertThat(new BigDecimal(quotes.get("KRW/CNY"))).isEqualByComparingTo("0.00484824978183");
    }

    @Test
    void leavesOutCurrenciesTheTableDoesNotList() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        assertThat(provider.fetch("USD", Set.of("BRL"))).isEmpty();
    }

    @Test
    void sharesOneCallOfTheDailyLimitAcrossBaseCurrenciesAndRunsWithinTheCacheTime() {
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        provider.fetch("USD", Set.of("KRW"));
        provider.fetch("JPY", Set.of("KRW"));
        clock.advance(Duration.ofMinutes(29));
        provider.fetch("EUR", Set.of("KRW"));
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        provider.fetch("USD", Set.of("KRW"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void asksAgainForTodaysTableWhileItIsNotPublishedYet() {
        clock.advance(Duration.between(Instant.parse("2026-11-25T03:00:00Z"), Instant.parse("2026-11-25T01:00:00Z")));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json"))); // Tuesday
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json"))); // today, at last

        provider.fetch("USD", Set.of("KRW"));
        clock.advance(Duration.ofHours(2));
        List<Quote> quotes = provider.fetch("USD", Set.of("KRW"));

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(quotes).hasSize(3) // the base rate, TTB and TTS
                .allSatisfy(quote -> assertThat(quote.observedAt()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z")));
    }

    @Test
    void fallsBackToThePreviousBusinessDayWhenTheTableIsEmpty() throws Exception {
        // Monday 23 November 2026, 10:00 in Seoul: today's table is not out yet, Saturday and Sunday have none.
        clock.advance(Duration.between(Instant.parse("2026-11-25T03:00:00Z"), Instant.parse("2026-11-23T01:00:00Z")));
        server.enqueue(json(200, Fixtures.read("koreaexim/empty.json")));
        server.enqueue(json(200, Fixtures.read("koreaexim/ap01-20261125.json")));

        List<Quote> quotes = provider.fetch("USD", Set.of("KRW"));

        assertThat(server.takeRequest().getRequestUrl().queryParameter("searchdate")).isEqualTo("20261123");
        assertThat(server.takeRequest().getRequestUrl().queryParameter("searchdate")).isEqualTo("20261120");
        assertThat(quotes).hasSize(3).allSatisfy(quote -> assertThat(quote.observedAt())
                .isEqualTo(Instant.parse("2026-11-20T02:00:00Z"))); // Friday 11:00 KST
    }

    /**
     * Polish of issue 17: the look-back uses the same shipped Korean holiday calendar as the publication schedule, so
     * a day known to be closed costs no call of the daily limit. The fake answers as Korea Eximbank does: an empty
     * array on a weekend or a holiday, the table on a business day (and nothing yet before 11:00 KST today).
     */
    @Test
    void theLookBackAsksForNoWeekendOrKoreanHoliday() {
        // Monday 28 September 2026, 10:00 in Seoul, after Chuseok (Thursday 24 to Saturday 26) and a Sunday.
        clock.advance(Duration.between(Instant.parse("2026-11-25T03:00:00Z"), Instant.parse("2026-09-28T01:00:00Z")));
        List<String> asked = answeringLikeKoreaEximbank("20260928");

        List<Quote> quotes = provider.fetch("USD", Set.of("KRW"));

        assertThat(asked).containsExactly("20260928", "20260923"); // today (not out yet), then Wednesday
        assertThat(quotes).isNotEmpty().allSatisfy(quote -> assertThat(quote.observedAt())
                .isEqualTo(Instant.parse("2026-09-23T02:00:00Z")));
    }

    @Test
    void onAKoreanHolidayTodaysTableIsNotAskedFor() {
        // Friday 25 September 2026 (Chuseok), 15:00 in Seoul: no table today, nor yesterday (Chuseok too).
        clock.advance(Duration.between(Instant.parse("2026-11-25T03:00:00Z"), Instant.parse("2026-09-25T06:00:00Z")));
        List<String> asked = answeringLikeKoreaEximbank(null);

        provider.fetch("USD", Set.of("KRW"));

        assertThat(asked).containsExactly("20260923");
    }

    /**
     * Korea Eximbank as a fake: the real table on a Korean business day, {@code []} on weekends, on the shipped
     * holidays and on {@code notYetOut}; returns the searchdates asked for, in order.
     */
    private List<String> answeringLikeKoreaEximbank(String notYetOut) {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(RecordedRequest request) {
                String searchDate = request.getRequestUrl().queryParameter("searchdate");
                asked.add(searchDate);
                java.time.LocalDate day = java.time.LocalDate.parse(searchDate,
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                boolean closed = day.getDayOfWeek().getValue() >= 6 || Holidays.korea().listed().containsKey(day)
                        || searchDate.equals(notYetOut);
                return json(200, closed ? "[]" : Fixtures.read("koreaexim/ap01-20261125.json"));
            }
        });
        return asked;
    }

    @Test
    void givesUpAfterTheLookbackWindowWithAClearError() {
        provider = new KoreaEximProvider(client, server.url("/").toString(), KEY, clock, 2, Duration.ofMinutes(30),
                Holidays.korea()::isHoliday);
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[]"));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("no table published in the last 2 business days");
                });
    }

    @Test
    void turnsResultThreeWithHttp200IntoABadKeyErrorThatDoesNotRevealTheKey() {
        server.enqueue(json(200, Fixtures.read("koreaexim/result-3.json")));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(e.getMessage()).contains("result 3 (invalid authentication key)").doesNotContain(KEY);
                    assertThat(e.toString()).doesNotContain(KEY);
                });
    }

    @Test
    void turnsResultFourIntoARateLimit() {
        server.enqueue(json(200, Fixtures.read("koreaexim/result-4.json")));

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED));
    }

    @Test
    void neverPutsTheKeyInTransportErrors() throws IOException {
        server.shutdown(); // connection refused

        assertThatThrownBy(() -> provider.fetch("USD", Set.of("KRW")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
                    assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("authkey");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void passesAnUnreadableValueOnForTheGuardsToReject() {
        server.enqueue(json(200, "[{\"result\":1,\"cur_unit\":\"USD\",\"deal_bas_r\":\"-\"}]"));

        assertThat(values(provider.fetch("USD", Set.of("KRW")))).containsEntry("USD/KRW", "-");
    }

    @Test
    void passesAnAbsurdExponentOnAsWrittenWithoutArithmetic() {
        // parsing "1e999999999" is cheap; dividing or printing it plainly runs out of memory
        server.enqueue(json(200, "[{\"result\":1,\"cur_unit\":\"USD\",\"deal_bas_r\":\"1e999999999\"},"
                + "{\"result\":1,\"cur_unit\":\"JPY(100)\",\"deal_bas_r\":\"1e999999999\"}]"));

        assertThat(values(provider.fetch("USD", Set.of("KRW", "JPY"))))
                .containsEntry("USD/KRW", "1e999999999").containsEntry("USD/JPY", "1e999999999");
    }

    /** The mid quotes' values by pair. */
    private static Map<String, String> values(List<Quote> quotes) {
        return quotes.stream().filter(q -> q.kind() == RateKind.MID)
                .collect(Collectors.toMap(q -> q.pair().toString(), Quote::value));
    }

    private static Map<RateKind, String> bankValues(List<Quote> quotes, String pair) {
        return quotes.stream().filter(q -> q.kind() != RateKind.MID && q.pair().toString().equals(pair))
                .collect(Collectors.toMap(Quote::kind, Quote::value));
    }
}
