package dev.fxalert.evaluation.digest;

import dev.fxalert.core.domain.User;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.support.DirectExecutorService;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.support.ScriptedNotifier;
import dev.fxalert.evaluation.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digests due at the same minute sent in batches through the one send budget (issue 15): each once, at the budget's
 * pace, within Telegram's limits. Manual clock (the paced sender's waits move it), direct executor, no sleeps.
 */
class DigestBatchTest {

    /** Thursday 08:30 in UTC and London; 17:30 in Seoul (its 08:30 is 9 hours ago); 03:30 in New York. */
    private static final Instant AT_0830_UTC = Instant.parse("2026-11-26T08:30:00Z");
    /** 3,000 digests due in the same minute (the benchmark runs 10,000 against the real Bot API format). */
    private static final int DUE = 3_000;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(AT_0830_UTC);
    private final ScriptedNotifier telegram = new ScriptedNotifier(clock);
    private StoreFixture store;
    private PacedSender sender;
    private DigestService digests;
    private DigestBatch batch;
    private final List<String> due = new ArrayList<>();
    private final List<String> notDue = new ArrayList<>();

    @BeforeEach
    void open() {
        store = new StoreFixture(dir, clock);
        sender = new PacedSender(telegram, store.alerts(), store.users(), DeliveryObserver.NONE, PacingConfig.DEFAULTS,
                clock, clock.sleeper(), new DirectExecutorService());
        digests = new DigestService(store.users(), store.alerts(), store.rateHistory(), sender.broadcastBudget(), clock);
        batch = new DigestBatch(store.users(), digests, clock, new DirectExecutorService(), 8);
    }

    @AfterEach
    void close() {
        sender.close();
        store.close();
    }

    private String user(long chatId, String zone, String time) {
        User user = store.user(chatId, "en");
        store.users().setTimezone(user.id(), zone);
        store.users().setDigestTime(user.id(), time);
        return user.id();
    }

    /** DUE users whose 08:30 is now (three zones at UTC+0), and users of the same time or zone who are not due. */
    private void users(int dueCount) {
        String[] zones = {"UTC", "Europe/London", "Africa/Abidjan"};
        for (int i = 0; i < dueCount; i++) {
            due.add(user(1_000_000L + i, zones[i % zones.length], "08:30"));
        }
        for (int i = 0; i < 30; i++) {
            notDue.add(user(2_000_000L + i, "Asia/Seoul", "08:30")); // 9 hours ago: beyond the grace
            notDue.add(user(3_000_000L + i, "America/New_York", "08:30")); // not reached yet
            notDue.add(user(4_000_000L + i, "UTC", "09:00")); // another time of day
        }
    }

    private Set<Long> chatsOf(List<String> ids) {
        return ids.stream().map(id -> store.users().findById(id).orElseThrow().chatId()).collect(Collectors.toSet());
    }

    private int mostInOneSecond() {
        List<Instant> at = telegram.sent().stream().map(ScriptedNotifier.Sent::at).sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < at.size(); last++) {
            while (!at.get(first).isAfter(at.get(last).minusSeconds(1))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    @Test
    void thousandsOfDigestsDueInTheSameMinuteGoOutOnceEachAtTheBudgetsPace() {
        users(DUE);
        List<Integer> sentBeforeEachPage = new ArrayList<>();

        DigestBatch.Result result = batch.send(due.get(0), AT_0830_UTC.plusSeconds(780),
                () -> sentBeforeEachPage.add(telegram.sent().size()));

        assertThat(result).isEqualTo(new DigestBatch.Result(DigestService.Outcome.SENT, DUE - 1, 0, 0, false));
        assertThat(telegram.sent()).hasSize(DUE);
        assertThat(telegram.sent().stream().map(sent -> sent.message().chatId()).collect(Collectors.toSet()))
                .as("each due user once, nobody else").isEqualTo(chatsOf(due));
        Duration drain = Duration.between(AT_0830_UTC, telegram.sent().get(DUE - 1).at());
        // The budget is 28.9/s: 3,000 digests take 104 s at that pace; one invocation each took 10–30 minutes.
        assertThat(drain).isLessThanOrEqualTo(Duration.ofMillis(Math.round(DUE / 28.9 * 1000) + 1000));
        assertThat(mostInOneSecond()).as("Telegram's 30 messages in any second").isLessThanOrEqualTo(30);
        assertThat(sentBeforeEachPage).as("the pushes due meanwhile are drained before each page of 100 users")
                .hasSizeGreaterThanOrEqualTo(DUE / DigestBatch.PAGE);
        for (int page = 1; page < sentBeforeEachPage.size(); page++) {
            assertThat(sentBeforeEachPage.get(page) - sentBeforeEachPage.get(page - 1)).isLessThanOrEqualTo(100);
        }

        // The other users' schedule invocations, queued meanwhile, find their digest claimed and send nothing.
        for (String id : due.subList(1, 50)) {
            assertThat(batch.send(id, clock.instant().plusSeconds(780), () -> { }).own())
                    .isEqualTo(DigestService.Outcome.ALREADY_SENT);
        }
        assertThat(telegram.sent()).hasSize(DUE);
    }

    @Test
    void whenTheDrainTimeRunsOutTheUsersNotReachedAreSentByTheirOwnInvocationsOnceEach() {
        users(300);

        DigestBatch.Result first = batch.send(due.get(0), AT_0830_UTC.plusSeconds(5), () -> { });

        assertThat(first.moreLeft()).isTrue();
        assertThat(telegram.sent().size()).isBetween(100, 200); // 5 s at 28.9/s
        // Every user's schedule fired, so each has an invocation queued; Lambda runs them in no promised order.
        List<String> queued = new ArrayList<>(due);
        Collections.shuffle(queued, new Random(15));
        int leaders = 0;
        for (String id : queued) {
            DigestBatch.Result later = batch.send(id, clock.instant().plusSeconds(5), () -> { });
            leaders += later.own() == DigestService.Outcome.SENT ? 1 : 0;
        }

        assertThat(telegram.sent()).hasSize(300);
        assertThat(telegram.sent().stream().map(sent -> sent.message().chatId()).collect(Collectors.toSet()))
                .isEqualTo(chatsOf(due));
        assertThat(leaders).as("a user not reached leads the next batch").isBetween(1, 3);
    }

    /** Two batches of the same time led at once (two queued invocations, or a redrive): each digest still once. */
    @Test
    void twoBatchesRacingOverTheSameUsersSendEachDigestOnce() throws Exception {
        users(400);
        java.util.concurrent.ExecutorService leaders = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<DigestBatch.Result>> results = new ArrayList<>();
            for (String leader : List.of(due.get(0), due.get(1))) {
                results.add(leaders.submit(() -> {
                    start.await();
                    return batch.send(leader, AT_0830_UTC.plusSeconds(780), () -> { });
                }));
            }
            start.countDown();
            DigestBatch.Result one = results.get(0).get();
            DigestBatch.Result two = results.get(1).get();

            assertThat(List.of(one.own(), two.own())).containsOnly(DigestService.Outcome.SENT);
            assertThat(one.sent() + two.sent()).as("each claimed by one batch").isEqualTo(400 - 2);
            assertThat(telegram.sent()).hasSize(400);
            assertThat(telegram.sent().stream().map(sent -> sent.message().chatId()).collect(Collectors.toSet()))
                    .isEqualTo(chatsOf(due));
        } finally {
            leaders.shutdownNow();
        }
    }

    @Test
    void dueMeansTodaysTimeInTheUsersZoneReachedAndAtMostTheGraceAgo() {
        User seoul = store.users().findById(user(1L, "Asia/Seoul", "08:30")).orElseThrow();
        Instant seoul0830 = Instant.parse("2026-11-25T23:30:00Z");

        assertThat(DigestBatch.due(seoul, "08:30", seoul0830)).isTrue();
        assertThat(DigestBatch.due(seoul, "08:30", seoul0830.minusSeconds(1))).as("not reached").isFalse();
        assertThat(DigestBatch.due(seoul, "08:30", seoul0830.plus(DigestBatch.GRACE).minusSeconds(1))).isTrue();
        assertThat(DigestBatch.due(seoul, "08:30", seoul0830.plus(DigestBatch.GRACE))).as("too late").isFalse();
        // 23:50 seen at 00:10 the next day: yesterday's digest is not sent under today's date.
        assertThat(DigestBatch.due(seoul, "23:50", Instant.parse("2026-11-25T15:10:00Z"))).isFalse();
    }
}
