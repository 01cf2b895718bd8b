package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.delivery.PushSender;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.evaluation.support.DirectExecutorService;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.support.StoreFixture;
import dev.fxalert.evaluation.support.TelegramResponses;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.fxalert.evaluation.support.StoreFixture.USD_KRW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evaluation end to end: the embedded store in a temp file, the real sender, a MockWebServer playing Telegram. */
class EvaluationServiceTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final String TOKEN = "123456:TEST-token";
    private static final PacingConfig FAST = new PacingConfig(30, Duration.ofSeconds(1), 4, 3,
            Duration.ofMillis(100), Duration.ofSeconds(1), 5, Duration.ZERO, 5, Duration.ofMinutes(1));
    private static final EvaluationConfig CONFIG = new EvaluationConfig(100, Duration.ofMinutes(2));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final MockWebServer telegram = new MockWebServer();
    private StoreFixture store;
    private PacedSender sender;
    private EvaluationService service;

    @BeforeEach
    void open() throws IOException {
        telegram.start();
        store = new StoreFixture(dir, clock);
        sender = newSender();
        service = serviceWith(sender);
    }

    @AfterEach
    void close() throws IOException {
        sender.close();
        store.close();
        telegram.shutdown();
    }

    private PacedSender newSender() {
        URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
        TelegramNotifier notifier = TelegramNotifier.create(TOKEN,
                new TelegramApiConfig(base, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        return new PacedSender(notifier, store.alerts(), store.users(), DeliveryObserver.NONE, FAST, clock,
                clock.sleeper(), new DirectExecutorService());
    }

    private EvaluationService serviceWith(PushSender pushSender) {
        return new EvaluationService(store.alerts(), store.users(), pushSender, clock, CONFIG);
    }

    private RateUpdated rate(String value) {
        clock.advance(Duration.ofMinutes(1));
        return RateUpdated.of(new Rate(USD_KRW, new BigDecimal(value), "frankfurter", clock.instant()), null);
    }

    private RecordedRequest nextRequest() throws InterruptedException {
        return telegram.takeRequest(1, TimeUnit.SECONDS);
    }

    @Test
    void firesEveryCrossedAlertOnceAndPushesTheRateThresholdAndButtons() throws Exception {
        User mina = store.user(1001, "en");
        store.alert("k3m9x2qa", mina, Direction.ABOVE, "1400", AlertMode.ONCE, "pay rent");
        store.alert("m4n5p6qr", mina, Direction.ABOVE, "1500", AlertMode.ONCE, null);
        telegram.enqueue(TelegramResponses.sent(1001, 1));

        EvaluationResult result = service.onRateUpdated(rate("1401.25"));

        assertThat(result.crossed()).isEqualTo(1);
        assertThat(result.fired()).isEqualTo(1);
        assertThat(result.pushes().delivered()).isEqualTo(1);
        String body = nextRequest().getUtf8Body();
        assertThat(body).contains("USD/KRW").contains("1,401.25").contains("1,400").contains("ECB reference rate")
                .contains("pay rent").contains("p:snooze_1h:k3m9x2qa").contains("p:up_05:k3m9x2qa")
                .contains("p:pause:k3m9x2qa").contains("p:delete:k3m9x2qa").contains("a:share:k3m9x2qa")
                .doesNotContain("rearm:k3m9x2qa");
        Alert fired = store.alerts().get(mina.id(), "k3m9x2qa").orElseThrow();
        assertThat(fired.state()).isEqualTo(AlertState.FIRED);
        assertThat(fired.pushPending()).isFalse();
        assertThat(store.alerts().get(mina.id(), "m4n5p6qr").orElseThrow().state()).isEqualTo(AlertState.ARMED);
    }

    @Test
    void pushLagRunsFromTheFiringNotFromTheRatesObservation() throws Exception {
        // The ECB publishes its 16:00 CET rate; it is fetched and evaluated hours later. What the operator wants to
        // see is how long delivery took, not how old the rate was (that showed a p50 of 7.4 hours).
        User mina = store.user(1005, "en");
        store.alert("lagalert", mina, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        telegram.enqueue(TelegramResponses.sent(1005, 1));
        List<dev.fxalert.evaluation.delivery.DeliveryReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        sender.close();
        URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
        sender = new PacedSender(TelegramNotifier.create(TOKEN, new TelegramApiConfig(base, Duration.ofSeconds(2),
                Duration.ofSeconds(2))), store.alerts(), store.users(), reports::add, FAST, clock, clock.sleeper(),
                new DirectExecutorService());
        Instant observed = clock.instant();
        clock.advance(Duration.ofHours(7));

        serviceWith(sender).onRateUpdated(RateUpdated.of(new Rate(USD_KRW, new BigDecimal("1401"), "ecb", observed), null));

        assertThat(reports).singleElement().satisfies(report ->
                assertThat(report.eventToPushLag()).isLessThan(Duration.ofMinutes(1)));
    }

    @Test
    void aDuplicateEventChangesNothingAndSendsNothing() throws Exception {
        User mina = store.user(1002, "en");
        store.alert("aaaaaaaa", mina, Direction.BELOW, "1300", AlertMode.REARM, null);
        telegram.enqueue(TelegramResponses.sent(1002, 1));
        RateUpdated event = rate("1299");
        service.onRateUpdated(event);
        Alert afterFirst = store.alerts().get(mina.id(), "aaaaaaaa").orElseThrow();

        EvaluationResult replay = service.onRateUpdated(event);

        assertThat(replay.fired()).isZero();
        assertThat(replay.pushes()).isEqualTo(DeliveryCounts.NONE);
        assertThat(telegram.getRequestCount()).isEqualTo(1);
        assertThat(store.alerts().get(mina.id(), "aaaaaaaa").orElseThrow()).isEqualTo(afterFirst);
    }

    @Test
    void twoThreadsEvaluatingTheSameEventNotifyExactlyOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            User user = store.user(2000 + i, "en");
            store.alert("bbbbbbb" + (char) ('a' + i), user, Direction.ABOVE, "1400", AlertMode.ONCE, null);
            telegram.enqueue(TelegramResponses.sent(2000 + i, i));
            telegram.enqueue(TelegramResponses.sent(2000 + i, 100 + i)); // there if a duplicate were sent
        }
        RateUpdated event = rate("1410");
        EvaluationService other = serviceWith(newSender());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int fired = 0;
        int delivered = 0;
        try {
            List<Future<EvaluationResult>> results = List.of(
                    threads.submit(() -> { go.await(); return service.onRateUpdated(event); }),
                    threads.submit(() -> { go.await(); return other.onRateUpdated(event); }));
            go.countDown();
            for (Future<EvaluationResult> result : results) {
                fired += result.get(30, TimeUnit.SECONDS).fired();
                delivered += result.get().pushes().delivered();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(fired).isEqualTo(5);
        assertThat(delivered).isEqualTo(5);
        assertThat(telegram.getRequestCount()).isEqualTo(5);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void aCrashBetweenTransitionAndSendLeavesThePushPendingAndTheSweepSendsItExactlyOnce() throws Exception {
        User mina = store.user(3001, "en");
        store.alert("cccccccc", mina, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        EvaluationService crashing = serviceWith(pushes -> {
            throw new IllegalStateException("process killed before sending");
        });
        RateUpdated event = rate("1405");
        assertThatThrownBy(() -> crashing.onRateUpdated(event)).hasMessageContaining("killed");
        assertThat(store.alerts().findPendingPushes(10)).extracting(Alert::id).containsExactly("cccccccc");

        EvaluationResult redelivery = service.onRateUpdated(event);
        SweepResult tooEarly = service.sweepPendingPushes();
        assertThat(redelivery.fired()).isZero();
        assertThat(tooEarly.tooFresh()).isEqualTo(1);
        assertThat(telegram.getRequestCount()).isZero();

        clock.advance(CONFIG.sweepGrace().plusSeconds(1));
        telegram.enqueue(TelegramResponses.sent(3001, 1));
        SweepResult sweep = service.sweepPendingPushes();
        SweepResult again = service.sweepPendingPushes();

        assertThat(sweep.pushes().delivered()).isEqualTo(1);
        assertThat(again.found()).isZero();
        assertThat(telegram.getRequestCount()).isEqualTo(1);
        assertThat(nextRequest().getUtf8Body()).contains("1,405");
    }

    @Test
    void rateLimitedByTelegramWaitsTheAskedSecondsThenDelivers() throws Exception {
        User mina = store.user(4001, "en");
        store.alert("dddddddd", mina, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        telegram.enqueue(TelegramResponses.tooManyRequests(7));
        telegram.enqueue(TelegramResponses.sent(4001, 2));

        EvaluationResult result = service.onRateUpdated(rate("1400"));

        assertThat(result.pushes().delivered()).isEqualTo(1);
        assertThat(telegram.getRequestCount()).isEqualTo(2);
        assertThat(clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void aUserWhoBlockedTheBotIsDeactivatedAndTheirAlertsPausedWithoutRetries() {
        User gone = store.user(5001, "en");
        store.alert("eeeeeeee", gone, Direction.ABOVE, "1400", AlertMode.REARM, null);
        store.alert("ffffffff", gone, Direction.BELOW, "1200", AlertMode.REARM, null);
        telegram.enqueue(TelegramResponses.blockedByUser());

        EvaluationResult result = service.onRateUpdated(rate("1450"));

        assertThat(result.pushes().recipientsGone()).isEqualTo(1);
        assertThat(telegram.getRequestCount()).isEqualTo(1);
        assertThat(store.users().findById(gone.id()).orElseThrow().active()).isFalse();
        assertThat(store.alerts().listByOwner(gone.id())).extracting(Alert::state).containsOnly(AlertState.PAUSED);
        assertThat(service.sweepPendingPushes().found()).isZero();
    }

    @Test
    void aRateHoveringAroundTheThresholdPushesOnceUntilItLeavesTheBand() {
        User mina = store.user(6001, "en");
        store.alert("gggggggg", mina, Direction.ABOVE, "1400", AlertMode.REARM, null); // band 7: re-arms below 1393
        for (int i = 0; i < 3; i++) {
            telegram.enqueue(TelegramResponses.sent(6001, i));
        }

        List<String> hovering = List.of("1400.5", "1399", "1402", "1394", "1401", "1393", "1400");
        int fired = 0;
        for (String value : hovering) {
            fired += service.onRateUpdated(rate(value)).fired();
        }
        assertThat(fired).isEqualTo(1);
        assertThat(telegram.getRequestCount()).isEqualTo(1);

        EvaluationResult backBelow = service.onRateUpdated(rate("1392.9"));
        EvaluationResult upAgain = service.onRateUpdated(rate("1400.1"));

        assertThat(backBelow.rearmed()).isEqualTo(1);
        assertThat(upAgain.fired()).isEqualTo(1);
        assertThat(telegram.getRequestCount()).isEqualTo(2);
    }

    // Issue 17: an alert on a bank's selling rate is fired by that rate only, and its push says which rate it is.
    @Test
    void aBankSellingRateFiresOnlyTheAlertsOnThatRateAndThePushNamesIt() throws Exception {
        User mina = store.user(7001, "en");
        Alert sell = store.alerts().create(Alert.create("s3ll1234", new Owner(mina.id(), mina.chatId()), USD_KRW,
                Direction.ABOVE, new BigDecimal("1480"), AlertMode.ONCE, null, clock.instant(), RateKind.BANK_SELL));
        store.alert("m1dm1d12", mina, Direction.ABOVE, "1460", AlertMode.ONCE, null);
        telegram.enqueue(TelegramResponses.sent(7001, 1));
        clock.advance(Duration.ofMinutes(1));
        Instant table = Instant.parse("2026-11-25T02:00:00Z");

        EvaluationResult result = service.onRateUpdated(RateUpdated.of(new Rate(USD_KRW, new BigDecimal("1483.18"),
                "koreaexim", table, RateKind.BANK_SELL), null));

        assertThat(result.crossed()).isEqualTo(1);
        assertThat(result.fired()).isEqualTo(1);
        assertThat(nextRequest().getUtf8Body()).contains("1,483.18")
                .contains("Korea Eximbank bank selling rate (TTS, what you pay a bank), 2026-11-25 11:00 KST");
        assertThat(store.reload(sell).state()).isEqualTo(AlertState.FIRED);
        assertThat(store.alerts().get(mina.id(), "m1dm1d12").orElseThrow().state()).as("the mid-rate alert")
                .isEqualTo(AlertState.ARMED);
    }

    @Test
    void aOnceAlertStaysFiredWhenTheRateComesBack() {
        User mina = store.user(7001, "en");
        store.alert("hhhhhhhh", mina, Direction.BELOW, "1300", AlertMode.ONCE, null);
        telegram.enqueue(TelegramResponses.sent(7001, 1));

        service.onRateUpdated(rate("1290"));
        EvaluationResult away = service.onRateUpdated(rate("1400"));
        EvaluationResult back = service.onRateUpdated(rate("1280"));

        assertThat(away.rearmed()).isZero();
        assertThat(back.fired()).isZero();
        assertThat(telegram.getRequestCount()).isEqualTo(1);
    }

    @Test
    void telegramDownLeavesThePushPendingForALaterSweep() throws Exception {
        User mina = store.user(8001, "ko");
        store.alert("jjjjjjjj", mina, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            telegram.enqueue(TelegramResponses.internalError());
        }

        EvaluationResult result = service.onRateUpdated(rate("1420"));
        assertThat(result.pushes().leftPending()).isEqualTo(1);
        assertThat(store.alerts().findPendingPushes(10)).extracting(Alert::id).containsExactly("jjjjjjjj");

        clock.advance(Duration.ofMinutes(5));
        telegram.enqueue(TelegramResponses.sent(8001, 9));
        assertThat(service.sweepPendingPushes().pushes().delivered()).isEqualTo(1);
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            nextRequest();
        }
        assertThat(nextRequest().getUtf8Body()).contains("환율");
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void aPushThatKeepsFailingCannotStarveANewerOneInASmallSweepBatch() throws Exception {
        EvaluationService smallBatches = new EvaluationService(store.alerts(), store.users(), sender, clock,
                new EvaluationConfig(1, Duration.ofMinutes(2)));
        User stuck = store.user(9001, "en");
        User waiting = store.user(9002, "en");
        store.alert("stuckaaa", stuck, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        store.alert("waitingb", waiting, Direction.ABOVE, "1450", AlertMode.ONCE, null);
        for (int i = 0; i < 2 * FAST.maxAttempts(); i++) {
            telegram.enqueue(TelegramResponses.internalError());
        }
        service.onRateUpdated(rate("1420")); // the older push fails its first round
        service.onRateUpdated(rate("1460")); // the newer one too
        clock.advance(Duration.ofMinutes(3));
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            telegram.enqueue(TelegramResponses.internalError());
        }
        SweepResult first = smallBatches.sweepPendingPushes(); // the older one again, and it fails again
        assertThat(first.pushes().leftPending()).isEqualTo(1);
        for (int i = 0; i < 3 * FAST.maxAttempts(); i++) {
            nextRequest();
        }

        clock.advance(Duration.ofSeconds(1));
        telegram.enqueue(TelegramResponses.sent(9002, 1));
        SweepResult second = smallBatches.sweepPendingPushes();

        assertThat(second.pushes().delivered()).isEqualTo(1);
        assertThat(nextRequest().getUtf8Body()).contains("\"chat_id\":\"9002\"");
        assertThat(store.alerts().findPendingPushes(10)).extracting(Alert::id).containsExactly("stuckaaa");
    }

    @Test
    void a429StormPausesEveryChatSoTelegramSaysItOnce() throws Exception {
        for (long chat = 9101; chat <= 9105; chat++) {
            store.alert("storm" + (chat - 9100) + "aa", store.user(chat, "en"), Direction.ABOVE, "1400", AlertMode.ONCE, null);
        }
        RateUpdated event = rate("1420");
        Instant limitedUntil = clock.instant().plusSeconds(3);
        java.util.concurrent.atomic.AtomicInteger tooMany = new java.util.concurrent.atomic.AtomicInteger();
        telegram.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // Like Telegram's flood control: every request of the bot is refused until retry_after is over.
                if (clock.instant().isBefore(limitedUntil)) {
                    tooMany.incrementAndGet();
                    return TelegramResponses.tooManyRequests(3);
                }
                return TelegramResponses.sent(1, 1);
            }
        });

        EvaluationResult result = service.onRateUpdated(event);

        assertThat(result.pushes().delivered()).isEqualTo(5);
        assertThat(tooMany.get()).isEqualTo(1);
        assertThat(telegram.getRequestCount()).isEqualTo(6);
    }

    // Issue 14 with issue 17: a move alert watches the mid rate, so only mid-rate events evaluate percent moves.
    @Test
    void percentMovesAreEvaluatedOnMidRatesOnlyNeverOnABanksRate() throws Exception {
        User mina = store.user(9201, "en");
        Alert up = store.alerts().create(Alert.createMove("mv000001", new Owner(mina.id(), mina.chatId()), USD_KRW,
                new Move(MoveWay.UP, Duration.ofHours(24)), BigDecimal.ONE, AlertMode.ONCE, null, clock.instant()));
        EvaluationService moves = service.withMoves(store.rateHistory());
        Rate dayAgo = new Rate(USD_KRW, new BigDecimal("1383.1"), "frankfurter", clock.instant());
        store.rateHistory().append(dayAgo, RateUpdated.of(dayAgo, null).eventId());
        clock.advance(Duration.ofHours(24).plusMinutes(5));

        // A bank's selling rate sits above the mid rate by its spread: against a mid base it would read as a move.
        Rate bank = new Rate(USD_KRW, new BigDecimal("1420"), "koreaexim", clock.instant(), RateKind.BANK_SELL);
        store.rateHistory().append(bank, RateUpdated.of(bank, null).eventId());
        assertThat(moves.onRateUpdated(RateUpdated.of(bank, null)).fired()).isZero();
        assertThat(store.reload(up).state()).isEqualTo(AlertState.ARMED);

        telegram.enqueue(TelegramResponses.sent(9201, 1));
        Rate mid = new Rate(USD_KRW, new BigDecimal("1400"), "frankfurter", clock.instant());
        store.rateHistory().append(mid, RateUpdated.of(mid, null).eventId());
        assertThat(moves.onRateUpdated(RateUpdated.of(mid, null)).fired()).isEqualTo(1);
        assertThat(store.reload(up).state()).isEqualTo(AlertState.FIRED);
        assertThat(store.reload(up).lastFiring().base()).isEqualByComparingTo("1383.1");
        assertThat(nextRequest().getUtf8Body()).contains("moved +1.22% in 24h");
    }

    // Issue 14 with issue 12: a recorded push is due at the later of its send slot and its alert's snooze end.
    @Test
    void aRecordedPushIsDueAtTheLaterOfItsSendSlotAndItsSnoozeEnd() {
        User mina = store.user(9301, "en");
        User jun = store.user(9302, "en");
        Alert first = store.alert("slt00001", mina, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        Alert second = store.alert("slt00002", jun, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        Duration slot = Duration.ofMinutes(10);
        EvaluationService recording = EvaluationService.recording(store.alerts(), store.users(), clock, CONFIG,
                (eventId, count) -> { }, slot);
        RateUpdated event = rate("1401");
        Instant base = clock.instant();
        // Both snoozed for one minute: slot 0 (due at base) waits for the snooze end, slot 1 (base + 10 min) does not.
        store.alerts().snooze(mina.id(), first.id(), base.plus(Duration.ofMinutes(1)));
        store.alerts().snooze(jun.id(), second.id(), base.plus(Duration.ofMinutes(1)));

        assertThat(recording.onRateUpdated(event).fired()).isEqualTo(2);

        assertThat(List.of(store.reload(first).push().nextAttemptAt(), store.reload(second).push().nextAttemptAt()))
                .containsExactlyInAnyOrder(base.plus(Duration.ofMinutes(1)), base.plus(slot));
    }
}
