package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.port.WatchedPairs;
import dev.fxalert.ingestion.HistoryBackfill.Outcome;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import dev.fxalert.ingestion.testing.FakeRateProvider;
import dev.fxalert.ingestion.testing.Fixtures;
import dev.fxalert.ingestion.testing.InMemoryRateHistory;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.ingestion.testing.RecordingPublisher;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Backfilling a pair's year from Frankfurter's time series, against a loopback Frankfurter in its real format. */
class HistoryBackfillTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final Instant LIVE_OBSERVED = Instant.parse("2026-11-25T00:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    private final InMemoryRateHistory history = new InMemoryRateHistory();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private FrankfurterProvider frankfurter;
    private HistoryBackfill backfill;

    @BeforeEach
    void start() throws IOException {
        server.start();
        frankfurter = new FrankfurterProvider(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build(),
                server.url("/").toString(), clock);
        backfill = new HistoryBackfill(history, frankfurter, clock);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private void timeSeriesAnswers() {
        server.enqueue(new MockResponse().addHeader("Content-Type", "application/json")
                .setBody(Fixtures.read("frankfurter/timeseries-usd-krw.json")));
    }

    @Test
    void asksTheTimeSeriesForTheYearAndStoresEachWorkingDayAtTheEcbPublicationTime() throws Exception {
        timeSeriesAnswers();

        HistoryBackfill.Result result = backfill.ensureYear(USD_KRW);

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath())
                .isEqualTo("/v1/2025-11-25..2026-11-23?base=USD&symbols=KRW");
        // No live rate yet: the cutoff is two days before now, so the 23rd and 24th stay out.
        assertThat(result).isEqualTo(new HistoryBackfill.Result(Outcome.BACKFILLED, 9));
        List<Rate> stored = history.between(USD_KRW, Instant.EPOCH, clock.instant());
        assertThat(stored).hasSize(9).allSatisfy(rate -> assertThat(rate.provider()).isEqualTo("frankfurter"));
        assertThat(stored.get(0).observedAt()).isEqualTo(Instant.parse("2026-11-10T15:00:00Z")); // 16:00 CET
        assertThat(stored.get(0).value()).isEqualByComparingTo("1450.31");
    }

    @Test
    void appendsOnlyBeforeTheOldestLiveRateSoTheLiveChainAndItsEventsAreUntouched() {
        // A live rate is stored (published by ingestion as event e-live), then the pair is charted.
        Rate live = new Rate(USD_KRW, new BigDecimal("1430.10"), "frankfurter", Instant.parse("2026-11-20T15:00:00Z"));
        history.append(live, "e-live");
        timeSeriesAnswers();

        HistoryBackfill.Result result = backfill.ensureYear(USD_KRW);

        assertThat(result.appended()).isEqualTo(8); // the 10th to the 19th: before the live rate's observation
        assertThat(history.latestEntry(USD_KRW)).contains(new dev.fxalert.core.port.RateHistory.Entry(live, "e-live"));

        // The next live run publishes exactly one event, chained on the live one: the backfilled days published
        // nothing and are no one's "previous rate", so evaluation cannot count them.
        FakeRateProvider provider = new FakeRateProvider("frankfurter", LIVE_OBSERVED).quoting("USD/KRW", "1427.78");
        WatchedPairs watched = () -> Set.of(USD_KRW);
        new IngestionService(List.of(provider), watched, history, publisher, clock,
                IngestionConfig.fromEnvironment(Map.of())).runOnce();
        assertThat(publisher.published).hasSize(1);
        RateUpdated event = publisher.published.get(0);
        assertThat(event.previousRate()).isEqualByComparingTo("1430.10");
        assertThat(event.eventId()).isEqualTo(RateUpdated.eventIdOf(
                new Rate(USD_KRW, new BigDecimal("1427.78"), "frankfurter", LIVE_OBSERVED), "e-live"));
    }

    @Test
    void aCoveredPairIsNotAskedAgainAndTwoBackfillsAppendEachDayOnce() {
        timeSeriesAnswers();
        backfill.ensureYear(USD_KRW);
        // Charted again: the answer began on the 10th, so the year is still not covered and it asks again;
        // each day is appended once all the same.
        timeSeriesAnswers();
        backfill.ensureYear(USD_KRW);

        assertThat(history.between(USD_KRW, Instant.EPOCH, clock.instant())).hasSize(9);

        history.append(new Rate(USD_KRW, new BigDecimal("1400"), "frankfurter",
                clock.instant().minus(Duration.ofDays(364))), "old");
        int requests = server.getRequestCount();
        assertThat(backfill.ensureYear(USD_KRW).outcome()).isEqualTo(Outcome.COVERED);
        assertThat(server.getRequestCount()).isEqualTo(requests);
    }

    @Test
    void aPairFrankfurterDoesNotQuoteIsNotAskedFor() {
        assertThat(backfill.ensureYear(CurrencyPair.of("USD", "VND")).outcome()).isEqualTo(Outcome.NOT_QUOTED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aFailedFetchIsReportedAndNotRepeatedWithinTheHour() {
        server.enqueue(new MockResponse().setResponseCode(503));

        assertThat(backfill.ensureYear(USD_KRW).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(backfill.ensureYear(USD_KRW).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.advance(HistoryBackfill.RETRY_AFTER);
        timeSeriesAnswers();
        assertThat(backfill.ensureYear(USD_KRW).outcome()).isEqualTo(Outcome.BACKFILLED);
    }

    // --- backfill on first watch (issue 16 follow-up, polish17) ---

    /** Tasks handed to the background, run when the test says (no threads, no sleeps). */
    private final java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();

    @Test
    void inTheBackgroundTheCallReturnsBeforeAskingAndThenFillsTheYearOnce() throws Exception {
        timeSeriesAnswers();

        backfill.ensureYearInBackground(USD_KRW, background::add);
        backfill.ensureYearInBackground(USD_KRW, background::add); // a second alert on the pair meanwhile

        assertThat(server.getRequestCount()).isZero(); // nothing asked on the caller's thread
        assertThat(background).hasSize(1); // one backfill of a pair at a time
        background.poll().run();
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath())
                .isEqualTo("/v1/2025-11-25..2026-11-23?base=USD&symbols=KRW");
        assertThat(history.between(USD_KRW, Instant.EPOCH, clock.instant())).hasSize(9);

        // Asked within the hour: another watch does not ask again (the chart would, were the year still short).
        backfill.ensureYearInBackground(USD_KRW, background::add);
        assertThat(background).isEmpty();
    }

    @Test
    void aFailedBackgroundBackfillIsRetriedByTheNextChartAtOnce() {
        server.enqueue(new MockResponse().setResponseCode(503));
        backfill.ensureYearInBackground(USD_KRW, background::add);
        background.poll().run(); // fails: logged, nothing stored

        timeSeriesAnswers();
        assertThat(backfill.ensureYear(USD_KRW).outcome()).isEqualTo(Outcome.BACKFILLED); // the chart asks again
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFullBackgroundOrAFailingStoreNeverReachesTheCaller() {
        backfill.ensureYearInBackground(USD_KRW, task -> {
            throw new java.util.concurrent.RejectedExecutionException("queue full");
        });
        // Rejected: not left "in flight", so the next watch tries again.
        backfill.ensureYearInBackground(USD_KRW, background::add);
        assertThat(background).hasSize(1);

        dev.fxalert.core.port.RateHistory down = (dev.fxalert.core.port.RateHistory) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[]{dev.fxalert.core.port.RateHistory.class},
                        (proxy, method, args) -> {
                            throw new IllegalStateException("store down");
                        });
        HistoryBackfill broken = new HistoryBackfill(down, frankfurter, clock);
        broken.ensureYearInBackground(USD_KRW, background::add);
        background.pollLast().run(); // logged, not thrown, and not "in flight" any more
        assertThat(background).hasSize(1);
        clock.advance(HistoryBackfill.RETRY_AFTER); // (within the hour the pair waits, as after a failed call)
        broken.ensureYearInBackground(USD_KRW, background::add);
        assertThat(background).hasSize(2);
    }

    /**
     * Found by the fault suite: with Frankfurter down, every new alert on the pair asked again (1,281 calls for one
     * pair). A background attempt is made at most once an hour per pair; the chart still retries at once.
     */
    @Test
    void afterABackgroundAttemptFurtherWatchesWaitAnHourButTheChartDoesNot() {
        server.enqueue(new MockResponse().setResponseCode(503));
        backfill.ensureYearInBackground(USD_KRW, background::add);
        background.poll().run();

        for (int alert = 0; alert < 5; alert++) { // more alerts on the pair within the hour
            backfill.ensureYearInBackground(USD_KRW, background::add);
        }
        assertThat(background).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);

        timeSeriesAnswers();
        assertThat(backfill.ensureYear(USD_KRW).outcome()).isEqualTo(Outcome.BACKFILLED); // the chart asks at once

        clock.advance(HistoryBackfill.RETRY_AFTER);
        backfill.ensureYearInBackground(USD_KRW, background::add);
        assertThat(background).hasSize(1);
    }
}
