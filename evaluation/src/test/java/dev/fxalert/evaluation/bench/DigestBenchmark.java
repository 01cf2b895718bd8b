package dev.fxalert.evaluation.bench;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.evaluation.digest.DigestBatch;
import dev.fxalert.evaluation.digest.DigestService;
import dev.fxalert.evaluation.lambda.DeliveryHandler;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.retry.Sleeper;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.MockWebServer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Daily digest (issue 15): {@code users} digests due in the same minute, each fired as the local scheduler fires
 * them (handed to a pool of 4 threads, as {@code LocalDigestConfiguration} does), built by the real
 * {@link DigestService} from an H2 store and sent through the real {@link PacedSender}'s broadcast budget and
 * {@link TelegramNotifier} to the fake Bot API that answers 429 above 30 msg/s or 1 msg/s per chat
 * ({@link FakeTelegramLimits}). Not a test: it runs for minutes and prints numbers.
 * <p>
 * Mode {@code lambda} (digest batches on AWS): the same digests, due now, each user's schedule invocation queued
 * for the {@link DeliveryHandler} as Lambda's asynchronous queue holds them with reserved concurrency 1 (in a
 * shuffled order, one invocation at a time, the handler's self-invocations joining the queue), with the handler's
 * real wiring of {@link OutboxDelivery}, {@link DigestBatch} (16 in flight) and the paced sender over H2.
 * <pre>
 * ./mvnw -B -ntp -q -pl evaluation -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "evaluation/target/test-classes:evaluation/target/classes:$(cat evaluation/target/bench.cp)" \
 *     dev.fxalert.evaluation.bench.DigestBenchmark [users=10000] [local|lambda]
 * </pre>
 */
public final class DigestBenchmark {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");

    private DigestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int userCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        if (args.length > 1 && args[1].equals("lambda")) {
            lambda(userCount);
            System.exit(0);
        }
        PacingConfig pacing = PacingConfig.DEFAULTS;
        FakeTelegramLimits limits = new FakeTelegramLimits(30);
        Path dbDir = Files.createTempDirectory("digest-bench");
        Clock clock = Clock.systemUTC();

        try (MockWebServer telegram = new MockWebServer();
             EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(dbDir.resolve("bench.db"), 50), clock)) {
            telegram.setDispatcher(limits);
            telegram.start();
            URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
            TelegramNotifier notifier = TelegramNotifier.create("123456:BENCH", TelegramApiConfig.of(base));

            long setupStarted = System.nanoTime();
            stores.rateHistory().append(new Rate(USD_KRW, new BigDecimal("1380"), "frankfurter",
                    clock.instant().minus(Duration.ofDays(1))), "bench-yesterday");
            stores.rateHistory().append(new Rate(USD_KRW, new BigDecimal("1392.1"), "frankfurter", clock.instant()),
                    "bench-today");
            List<String> userIds = new ArrayList<>(userCount);
            for (int i = 0; i < userCount; i++) {
                User user = stores.users().linkChat(2_000_000L + i, "user " + i, i % 2 == 0 ? "en" : "ko");
                stores.users().setDigestTime(user.id(), "08:30");
                // A unique alert id per user makes every digest's text unique, so the fake counts each one.
                stores.alerts().create(Alert.create(String.format("d%07d", i), new Owner(user.id(), user.chatId()),
                        USD_KRW, Direction.ABOVE, new BigDecimal(1400 + i % 100), AlertMode.ONCE, null, clock.instant()));
                userIds.add(user.id());
            }
            double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;

            Map<DigestService.Outcome, Integer> outcomes = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            try (PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(),
                    DeliveryObserver.NONE, pacing, clock)) {
                DigestService digests = new DigestService(stores.users(), stores.alerts(), stores.rateHistory(),
                        sender.broadcastBudget(), clock);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                for (String userId : userIds) { // every schedule fires in the same minute
                    pool.execute(() -> outcomes.merge(digests.send(userId), 1, Integer::sum));
                }
                pool.shutdown();
                pool.awaitTermination(2, TimeUnit.HOURS);
            }
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            double sustained = (limits.acceptedTotal() - 1) / limits.acceptingSeconds();
            long accepted = limits.acceptedTotal();
            int sent = outcomes.getOrDefault(DigestService.Outcome.SENT, 0);

            System.out.println("| metric | value |");
            System.out.println("|---|---|");
            row("digests due in the same minute (users)", String.valueOf(userCount));
            row("pacing (overall, per chat, in flight)", pacing.maxPerSecond() + "/s, "
                    + pacing.perChatInterval().toMillis() + " ms, " + pacing.maxInFlight());
            row("setup (users, alerts, H2)", String.format(Locale.ROOT, "%.1f s", setupSeconds));
            row("wall time (first fire to last digest sent)", String.format(Locale.ROOT, "%.1f s", wallSeconds));
            row("sustained msg/s (accepted by the fake server)", String.format(Locale.ROOT, "%.2f", sustained));
            row("429s received", String.valueOf(limits.tooManyRequests()));
            row("outcomes", outcomes.toString());
            row("digests accepted by the fake server", String.valueOf(accepted));
            row("lost (not accepted)", String.valueOf(userCount - accepted + limits.duplicates()));
            row("duplicates (accepted twice)", String.valueOf(limits.duplicates()));
            System.out.println(sent == userCount && accepted - limits.duplicates() == userCount
                    && limits.duplicates() == 0 && limits.tooManyRequests() <= 5
                    ? "RESULT: PASS (every digest accepted once, within the limits)"
                    : "RESULT: FAIL (every digest accepted once, within the limits)");
        }
        System.exit(0);
    }

    /** Digest batches through the Delivery handler, invoked as Lambda invokes it (see the class comment). */
    private static void lambda(int userCount) throws Exception {
        PacingConfig pacing = PacingConfig.DEFAULTS;
        FakeTelegramLimits limits = new FakeTelegramLimits(30);
        Path dbDir = Files.createTempDirectory("digest-bench");
        Clock clock = Clock.systemUTC();
        // Due now whatever the hour the benchmark runs at: the digest time is this minute, in UTC.
        String time = java.time.LocalTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();

        try (MockWebServer telegram = new MockWebServer();
             EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(dbDir.resolve("bench.db"), 50), clock)) {
            telegram.setDispatcher(limits);
            telegram.start();
            URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
            TelegramNotifier notifier = TelegramNotifier.create("123456:BENCH", TelegramApiConfig.of(base));
            stores.rateHistory().append(new Rate(USD_KRW, new BigDecimal("1392.1"), "frankfurter", clock.instant()),
                    "bench-today");
            List<String> payloads = new ArrayList<>(userCount);
            for (int i = 0; i < userCount; i++) {
                User user = stores.users().linkChat(2_000_000L + i, "user " + i, i % 2 == 0 ? "en" : "ko");
                stores.users().setDigestTime(user.id(), time);
                stores.alerts().create(Alert.create(String.format("d%07d", i), new Owner(user.id(), user.chatId()),
                        USD_KRW, Direction.ABOVE, new BigDecimal(1400 + i % 100), AlertMode.ONCE, null, clock.instant()));
                payloads.add(DigestSchedules.payload(user.id()));
            }
            java.util.Collections.shuffle(payloads, new java.util.Random(15));

            ExecutorService rounds = Executors.newFixedThreadPool(OutboxDelivery.Config.DEFAULTS.roundsInFlight());
            ExecutorService digestSends = Executors.newFixedThreadPool(2 * pacing.maxInFlight());
            java.util.concurrent.LinkedBlockingQueue<String> queue = new java.util.concurrent.LinkedBlockingQueue<>(payloads);
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            ObjectMapper mapper = new ObjectMapper();
            long started = System.nanoTime();
            int invocations = 0;
            try (PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(),
                    DeliveryObserver.NONE, pacing, clock)) {
                OutboxDelivery delivery = new OutboxDelivery(stores.alerts(), stores.users(), sender, clock,
                        Sleeper.system(), rounds, OutboxDelivery.Config.DEFAULTS);
                DigestBatch batch = new DigestBatch(stores.users(), new DigestService(stores.users(), stores.alerts(),
                        stores.rateHistory(), sender.broadcastBudget(), clock), clock, digestSends,
                        2 * pacing.maxInFlight());
                DeliveryHandler handler = new DeliveryHandler(delivery, batch,
                        (eventId, count) -> queue.add("{\"action\":\"" + DeliveryHandler.DRAIN_ACTION + "\"}"),
                        clock, Duration.ofSeconds(780), mapper);
                String event;
                while ((event = queue.poll()) != null) { // reserved concurrency 1: one invocation at a time
                    invocations++;
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
                    outcomes.merge(mapper.readTree(out.toByteArray()).path("digest").asText("drain"), 1, Integer::sum);
                }
            }
            double queueSeconds = (System.nanoTime() - started) / 1e9;
            double lastDigestSeconds = (limits.lastAcceptedNanos() - started) / 1e9;
            long accepted = limits.acceptedTotal();

            System.out.println("| metric (lambda mode: digest batches through the Delivery handler) | value |");
            System.out.println("|---|---|");
            row("digests due in the same minute (users, schedule invocations queued)", String.valueOf(userCount));
            row("pacing (overall, per chat, digests in flight)", pacing.maxPerSecond() + "/s, "
                    + pacing.perChatInterval().toMillis() + " ms, " + 2 * pacing.maxInFlight());
            row("first invocation to last digest accepted", String.format(Locale.ROOT, "%.1f s", lastDigestSeconds));
            row("sustained msg/s (accepted by the fake server)",
                    String.format(Locale.ROOT, "%.2f", (accepted - 1) / limits.acceptingSeconds()));
            row("whole queue of invocations handled", String.format(Locale.ROOT, "%.1f s (%d invocations)",
                    queueSeconds, invocations));
            row("invocation outcomes (own digest; SENT = led a batch)", outcomes.toString());
            row("429s received", String.valueOf(limits.tooManyRequests()));
            row("digests accepted by the fake server", String.valueOf(accepted));
            row("lost (not accepted)", String.valueOf(userCount - accepted + limits.duplicates()));
            row("duplicates (accepted twice)", String.valueOf(limits.duplicates()));
            System.out.println(accepted - limits.duplicates() == userCount && limits.duplicates() == 0
                    && limits.tooManyRequests() <= 5
                    ? "RESULT: PASS (every digest accepted once, within the limits)"
                    : "RESULT: FAIL (every digest accepted once, within the limits)");
            rounds.shutdownNow();
            digestSends.shutdownNow();
        }
    }

    private static void row(String metric, String value) {
        System.out.println("| " + metric + " | " + value + " |");
    }
}
