package dev.fxalert.evaluation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.core.testing.Dynalite;
import dev.fxalert.evaluation.DeliveryTrigger;
import dev.fxalert.evaluation.DeliveryWorker;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationResult;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.core.retry.Sleeper;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.evaluation.lambda.DeliveryHandler;
import okhttp3.mockwebserver.MockWebServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole delivery path, from rate events to messages accepted by a fake Bot API that enforces 30 msg/s and
 * 1 msg/s per chat ({@link FakeTelegramLimits}): recorded evaluation, the outbox, and either the local
 * {@link DeliveryWorker} thread or the Delivery Lambda handler invoked as Lambda would (one invocation at a time,
 * each wake-up queued, the handler re-invoking itself). Not a test: it prints numbers.
 * <pre>
 * java -cp ... dev.fxalert.evaluation.bench.DeliveryPathBenchmark MODE STORE PUSHES CHATS [SMALL=1] [DRAIN_S=120] [THRESHOLDS]
 *   MODE  = local | lambda     STORE = h2 | dynalite
 *   THRESHOLDS = same (default: every big alert at 1400) | spread (1400 - i/10^4: each its own threshold; dynalite
 *                tells items with equal index keys apart by 24 bits of an MD5 of their key, so at 50,000 alerts on
 *                one threshold ~75 index entries overwrite each other and those alerts are never found: a defect
 *                of dynalite, not of DynamoDB, see docs/dynamodb.md)
 *   e.g. local h2 1000 1000 1      (head-of-line: 1,000 crossings on USD/KRW + 1 on EUR/USD, one run)
 *        lambda dynalite 1000 1000 0   (k = 1,000 on dynalite: first push, requests per event)
 *        lambda dynalite 50000 10000 0 (50,000 pushes to 10,000 chats through the Delivery handler)
 * </pre>
 */
public final class DeliveryPathBenchmark {

    private static final CurrencyPair BIG = CurrencyPair.of("USD", "KRW");
    private static final CurrencyPair SMALL = CurrencyPair.of("EUR", "USD");

    private DeliveryPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String storeKind = args[1];
        int pushes = Integer.parseInt(args[2]);
        int chats = Integer.parseInt(args[3]);
        int small = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Duration maxDrain = Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 120);
        boolean spread = args.length > 6 && "spread".equals(args[6]);
        Clock clock = Clock.systemUTC();
        PacingConfig pacing = PacingConfig.DEFAULTS;
        FakeTelegramLimits limits = new FakeTelegramLimits(30);
        RequestCounter requests = new RequestCounter();
        Dynalite dynalite = null;
        Stores stores;
        if ("dynalite".equals(storeKind)) {
            dynalite = new Dynalite().start();
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynalite.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
                    .overrideConfiguration(c -> c.addExecutionInterceptor(requests))
                    .build();
            DynamoDbStoreConfig config = new DynamoDbStoreConfig(Dynalite.uniqueTableName("users"),
                    Dynalite.uniqueTableName("alerts"), Dynalite.uniqueTableName("rates"), 1_000);
            DynamoDbStores.createTablesIfMissing(client, config);
            stores = DynamoDbStores.create(client, config, clock);
        } else {
            Path dir = Files.createTempDirectory("delivery-bench");
            stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("bench.db"), 1_000), clock);
        }

        long loadStarted = System.nanoTime();
        String smallAlertId = load(stores, pushes, chats, small, spread, clock);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

        try (MockWebServer telegram = new MockWebServer()) {
            telegram.setDispatcher(limits);
            telegram.start();
            URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
            TelegramNotifier notifier = TelegramNotifier.create("123456:BENCH", TelegramApiConfig.of(base));
            PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(), DeliveryObserver.NONE,
                    pacing, clock);
            ExecutorService rounds = Executors.newFixedThreadPool(2);
            OutboxDelivery delivery = new OutboxDelivery(stores.alerts(), stores.users(), sender, clock,
                    Sleeper.system(), rounds, OutboxDelivery.Config.DEFAULTS);
            AutoCloseable path;
            DeliveryTrigger trigger;
            LambdaSimulator lambda = null;
            if ("lambda".equals(mode)) {
                lambda = new LambdaSimulator(delivery, clock, maxDrain);
                trigger = lambda;
                path = lambda;
            } else {
                DeliveryWorker worker = new DeliveryWorker(delivery::drain, clock, Duration.ofMinutes(1),
                        Duration.ofMinutes(1));
                trigger = worker;
                path = worker;
                worker.start();
            }
            ExecutorService writes = Executors.newFixedThreadPool(8);
            EvaluationService evaluation = EvaluationService.recording(stores.alerts(), stores.users(), clock,
                    EvaluationConfig.DEFAULTS, trigger, pacing.globalInterval(), pacing.perChatInterval(), writes, 8);

            // Warm-up, as a running service or a SnapStart snapshot is: the HTTP client's first connection and
            // classes, one message to a chat of its own (not counted below).
            sender.sendOne(dev.fxalert.core.port.OutgoingMessage.text(42, "warm-up"));
            requests.reset();
            long t0 = System.nanoTime();
            EvaluationResult big = evaluation.onRateUpdated(event(BIG, "1401", clock));
            long bigEvaluated = System.nanoTime();
            long smallPublished = System.nanoTime();
            if (small > 0) {
                evaluation.onRateUpdated(event(SMALL, "1.2", clock));
            }
            long smallEvaluated = System.nanoTime();
            int expected = pushes + small + 1; // + the warm-up
            long deadline = System.nanoTime() + Duration.ofSeconds(pushes / 20 + 300).toNanos();
            while (limits.acceptedTotal() < expected && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // anything still arriving would be a duplicate
            Map<String, Long> byOperation = requests.snapshot();
            long totalRequests = byOperation.values().stream().mapToLong(Long::longValue).sum();

            long lost = expected - (limits.acceptedTotal() - limits.duplicates());
            double drainSeconds = (limits.lastAcceptedNanos() - t0) / 1e9;
            double ideal = (expected - 1) / 30.0;
            System.out.println("| metric | value |");
            System.out.println("|---|---|");
            row("path / store", mode + " / " + storeKind);
            row("pushes (big event + small) / chats", pushes + " + " + small + " / " + chats);
            row("big alerts' thresholds", spread ? "spread (each its own)" : "same (1400)");
            row("alerts loaded in", String.format(Locale.ROOT, "%.1f s", loadSeconds));
            row("big event: crossed / fired", big.crossed() + " / " + big.fired());
            row("evaluation of the big event returned after (ingestion blocked)", ms(bigEvaluated - t0));
            row("evaluation of the small event returned after", ms(smallEvaluated - smallPublished));
            row("first push accepted after", ms(limits.firstAcceptedSince(t0) - t0));
            if (small > 0) {
                row("small event: published to its push accepted",
                        ms(limits.acceptedAtContaining("Alert " + smallAlertId + ":") - smallPublished));
            }
            row("total drain (first event to last accepted)", String.format(Locale.ROOT, "%.1f s", drainSeconds));
            row("drain / (N/30)", String.format(Locale.ROOT, "%.3f", drainSeconds / ideal));
            row("sustained msg/s (first push to last accepted)", String.format(Locale.ROOT, "%.2f",
                    (limits.acceptedTotal() - 2) / ((limits.lastAcceptedNanos() - limits.firstAcceptedSince(t0)) / 1e9)));
            row("accepted pushes / lost / duplicates", (limits.acceptedTotal() - 1) + " / " + lost + " / "
                    + limits.duplicates());
            row("429s received", String.valueOf(limits.tooManyRequests()));
            if (lambda != null) {
                row("Delivery invocations (incl. no-op wake-ups)", String.valueOf(lambda.invocations.get()));
            }
            if (!byOperation.isEmpty()) {
                row("DynamoDB requests from the first event to the end", totalRequests + " " + byOperation);
                row("requests per pushed alert", String.format(Locale.ROOT, "%.3f",
                        totalRequests / (double) (expected - 1)));
            }
            path.close();
            sender.close();
            rounds.shutdownNow();
            writes.shutdownNow();
        }
        stores.close();
        if (dynalite != null) {
            dynalite.close();
        }
        System.exit(0);
    }

    /** {@code pushes} alerts on BIG over {@code chats} users (interleaved), and {@code small} on SMALL. */
    private static String load(Stores stores, int pushes, int chats, int small, boolean spread, Clock clock) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<User> users = new ArrayList<>();
        List<Future<User>> linking = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            long chatId = 1_000_000L + c;
            linking.add(pool.submit(() -> stores.users().linkChat(chatId, "User " + chatId, "en")));
        }
        for (Future<User> user : linking) {
            users.add(user.get());
        }
        List<Future<?>> creating = new ArrayList<>();
        AtomicInteger ids = new AtomicInteger();
        for (int i = 0; i < pushes; i++) {
            User owner = users.get(i % chats);
            BigDecimal threshold = spread ? new BigDecimal("1400").subtract(BigDecimal.valueOf(i, 4)) : new BigDecimal("1400");
            creating.add(pool.submit(() -> stores.alerts().create(Alert.create(String.format("b%07d", ids.incrementAndGet()),
                    new Owner(owner.id(), owner.chatId()), BIG, Direction.ABOVE, threshold,
                    AlertMode.ONCE, null, clock.instant()))));
        }
        for (Future<?> f : creating) {
            f.get();
        }
        pool.shutdown();
        String smallId = null;
        for (int i = 0; i < small; i++) {
            User owner = stores.users().linkChat(9_000_000L + i, "Small " + i, "en");
            smallId = String.format("s%07d", i);
            stores.alerts().create(Alert.create(smallId, new Owner(owner.id(), owner.chatId()), SMALL,
                    Direction.ABOVE, new BigDecimal("1.1"), AlertMode.ONCE, null, clock.instant()));
        }
        return smallId;
    }

    private static RateUpdated event(CurrencyPair pair, String value, Clock clock) {
        return RateUpdated.of(new Rate(pair, new BigDecimal(value), "bench", clock.instant()), null);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static void row(String metric, String value) {
        System.out.println("| " + metric + " | " + value + " |");
    }

    /** Counts DynamoDB requests by operation name. */
    static final class RequestCounter implements ExecutionInterceptor {
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong())
                    .incrementAndGet();
        }

        void reset() {
            counts.clear();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> copy = new TreeMap<>();
            counts.forEach((operation, count) -> copy.put(operation, count.get()));
            return copy;
        }
    }

    /**
     * Lambda's asynchronous invocation with reserved concurrency 1: every wake-up is queued, one invocation of the
     * Delivery handler runs at a time, and the handler's own re-invocation joins the queue.
     */
    static final class LambdaSimulator implements DeliveryTrigger, AutoCloseable {
        private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final AtomicInteger invocations = new AtomicInteger();
        private final Thread thread;

        LambdaSimulator(OutboxDelivery delivery, Clock clock, Duration maxDrain) {
            ObjectMapper mapper = new ObjectMapper();
            DeliveryHandler handler = new DeliveryHandler(delivery, this, clock, maxDrain, mapper);
            thread = new Thread(() -> {
                try {
                    while (true) {
                        String event = events.take();
                        invocations.incrementAndGet();
                        try {
                            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                                    new ByteArrayOutputStream(), null);
                        } catch (Exception e) {
                            e.printStackTrace(); // a failed invocation; the next wake-up drains what is left
                        }
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }, "lambda-delivery");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void pushesRecorded(String eventId, int count) {
            events.add("{\"action\":\"" + DeliveryHandler.DRAIN_ACTION + "\"}");
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
