package dev.fxalert.evaluation.bench;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import dev.fxalert.evaluation.support.TelegramResponses;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remaining duplicate window of a fan-out: for each push, the time from the fake Bot API accepting it (the
 * moment it writes its 200) to the pending push's clearing write having returned from the embedded store (H2 with
 * {@code WRITE_DELAY 0}: a commit is written before it is acknowledged). A {@code kill -9} inside that window is the
 * only way a push can be sent twice. Not a test: it prints numbers.
 * <pre>
 * ./mvnw -o -B -q -pl evaluation -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "evaluation/target/test-classes:evaluation/target/classes:$(cat evaluation/target/bench.cp)" \
 *     dev.fxalert.evaluation.bench.DuplicateWindowBenchmark [pushes=300]
 * </pre>
 */
public final class DuplicateWindowBenchmark {

    private static final Pattern ALERT_IN_TEXT = Pattern.compile("push (a\\d+)");

    private DuplicateWindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pushCount = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dbDir = Files.createTempDirectory("duplicate-window");
        Path db = dbDir.resolve("bench.db");
        // WRITE_DELAY is a persistent database setting: set it on the fresh file before the store opens it.
        String name = db.toAbsolutePath().toString().replaceAll("\\.mv\\.db$", "");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + name, "fxalert", ""); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
        Clock clock = Clock.systemUTC();
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> clearedAt = new ConcurrentHashMap<>();
        Map<String, Long> writeNanos = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();

        try (MockWebServer telegram = new MockWebServer();
             EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(db, 50), clock)) {
            telegram.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    Matcher m = ALERT_IN_TEXT.matcher(request.getBody().readUtf8());
                    if (m.find()) {
                        acceptedAt.put(m.group(1), System.nanoTime());
                    }
                    return TelegramResponses.sent(1, 1);
                }
            });
            telegram.start();
            URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
            TelegramNotifier telegramNotifier = TelegramNotifier.create("123456:BENCH", TelegramApiConfig.of(base));
            Notifier notifier = message -> {
                DeliveryResult result = telegramNotifier.send(message);
                Matcher m = ALERT_IN_TEXT.matcher(message.text());
                if (m.find()) {
                    answeredAt.put(m.group(1), System.nanoTime());
                }
                return result;
            };

            List<Push> pushes = new ArrayList<>(pushCount);
            Instant now = clock.instant();
            for (int i = 0; i < pushCount; i++) {
                long chatId = 2_000_000L + i;
                User user = stores.users().linkChat(chatId, "u" + i, "en");
                String alertId = "a" + (10_000_000 + i);
                stores.alerts().create(Alert.create(alertId, new Owner(user.id(), chatId), CurrencyPair.of("USD", "KRW"),
                        Direction.ABOVE, new BigDecimal("1400"), AlertMode.ONCE, null, now));
                stores.alerts().markFired(alertId, new Firing("bench-event", new BigDecimal("1401"), "bench", now, now));
                pushes.add(new Push(alertId, user.id(), "bench-event", now,
                        OutgoingMessage.text(chatId, "push " + alertId)));
            }
            long wall;
            AlertStore timed = timedClears(stores.alerts(), clearedAt, writeNanos);

            try (PacedSender sender = PacedSender.create(notifier, timed, stores.users(), DeliveryObserver.NONE,
                    PacingConfig.DEFAULTS, clock)) {
                long started = System.nanoTime();
                sender.send(pushes);
                wall = System.nanoTime() - started;
            }

            long[] windows = acceptedAt.entrySet().stream()
                    .filter(e -> clearedAt.containsKey(e.getKey()))
                    .mapToLong(e -> clearedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
            System.out.println("| duplicate window (accepted -> clearing write returned), H2 WRITE_DELAY 0 | value |");
            System.out.println("|---|---|");
            row("pushes measured", windows.length + " of " + pushCount);
            row("fan-out wall time", ms(wall));
            row("median", ms(windows[windows.length / 2]));
            row("p99", ms(windows[(int) Math.min(windows.length - 1, Math.ceil(windows.length * 0.99) - 1)]));
            row("max", ms(windows[windows.length - 1]));
            long[] answer = acceptedAt.entrySet().stream().filter(e -> answeredAt.containsKey(e.getKey()))
                    .mapToLong(e -> answeredAt.get(e.getKey()) - e.getValue()).sorted().toArray();
            long[] handoff = answeredAt.entrySet().stream().filter(e -> clearedAt.containsKey(e.getKey()))
                    .mapToLong(e -> clearedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
            row("of which 200 written -> sendMessage returned (HTTP client): median / p99 / max",
                    ms(answer[answer.length / 2]) + " / " + ms(answer[(int) Math.ceil(answer.length * 0.99) - 1])
                            + " / " + ms(answer[answer.length - 1]));
            row("of which sendMessage returned -> clearing write returned (sender + store): median / p99 / max",
                    ms(handoff[handoff.length / 2]) + " / " + ms(handoff[(int) Math.ceil(handoff.length * 0.99) - 1])
                            + " / " + ms(handoff[handoff.length - 1]));
            long[] writes = writeNanos.values().stream().mapToLong(Long::longValue).sorted().toArray();
            row("of which the clearing write itself: median / p99 / max", ms(writes[writes.length / 2]) + " / "
                    + ms(writes[(int) Math.ceil(writes.length * 0.99) - 1]) + " / " + ms(writes[writes.length - 1]));
            row("sum over the fan-out (share of wall time a kill -9 lands in a window)",
                    ms(Arrays.stream(windows).sum()));
        }
        System.exit(0);
    }

    /** The store, timing when each markPushDelivered returned. */
    private static AlertStore timedClears(AlertStore store, Map<String, Long> clearedAt, Map<String, Long> writeNanos) {
        return (AlertStore) Proxy.newProxyInstance(AlertStore.class.getClassLoader(), new Class<?>[]{AlertStore.class},
                (proxy, method, args) -> {
                    try {
                        long start = System.nanoTime();
                        Object result = method.invoke(store, args);
                        if (method.getName().equals("markPushDelivered")) {
                            long end = System.nanoTime();
                            clearedAt.put((String) args[0], end);
                            writeNanos.put((String) args[0], end - start);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static void row(String metric, String value) {
        System.out.println("| " + metric + " | " + value + " |");
    }
}
