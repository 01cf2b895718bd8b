package dev.fxalert.evaluation.bench;

import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.evaluation.delivery.PushOutcome;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import okhttp3.mockwebserver.MockWebServer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fan-out of many pushes through the real {@link PacedSender} and {@link TelegramNotifier} to a fake Bot API that
 * answers 429 whenever Telegram's limits are exceeded. Not a test: it runs for minutes and prints numbers.
 * <pre>
 * ./mvnw -B -ntp -q -pl evaluation -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "evaluation/target/test-classes:evaluation/target/classes:$(cat evaluation/target/bench.cp)" \
 *     dev.fxalert.evaluation.bench.FanOutBenchmark [pushes=10000] [chats=2000]
 * </pre>
 */
public final class FanOutBenchmark {

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pushCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int chats = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        PacingConfig pacing = PacingConfig.DEFAULTS;
        FakeTelegramLimits limits = new FakeTelegramLimits(30);
        Path dbDir = Files.createTempDirectory("fanout-bench");
        Clock clock = Clock.systemUTC();

        try (MockWebServer telegram = new MockWebServer();
             EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(dbDir.resolve("bench.db"), 50), clock)) {
            telegram.setDispatcher(limits);
            telegram.start();
            URI base = URI.create("http://" + telegram.getHostName() + ":" + telegram.getPort());
            TelegramNotifier notifier = TelegramNotifier.create("123456:BENCH", TelegramApiConfig.of(base));

            List<Push> pushes = new ArrayList<>(pushCount);
            Instant observedAt = clock.instant();
            for (int i = 0; i < pushCount; i++) {
                long chatId = 1_000_000L + i % chats;
                pushes.add(new Push("alert" + i, "user" + chatId, "bench-event", observedAt,
                        OutgoingMessage.text(chatId, "push " + i)));
            }

            List<PushOutcome> outcomes;
            long started = System.nanoTime();
            try (PacedSender sender = PacedSender.create(notifier, stores.alerts(), stores.users(),
                    DeliveryObserver.NONE, pacing, clock)) {
                outcomes = sender.send(pushes);
            }
            double wallSeconds = (System.nanoTime() - started) / 1e9;

            long delivered = outcomes.stream().filter(o -> o.status() == PushOutcome.Status.DELIVERED).count();
            long lost = 0;
            for (Push push : pushes) {
                if (limits.accepted(push.message().text()) == 0) {
                    lost++;
                }
            }
            double sustained = (limits.acceptedTotal() - 1) / limits.acceptingSeconds();

            System.out.println("| metric | value |");
            System.out.println("|---|---|");
            row("pushes / chats", pushCount + " / " + chats);
            row("pacing (overall, per chat, in flight)", pacing.maxPerSecond() + "/s, "
                    + pacing.perChatInterval().toMillis() + " ms, " + pacing.maxInFlight());
            row("wall time", String.format(Locale.ROOT, "%.1f s", wallSeconds));
            row("sustained msg/s (accepted by the fake server)", String.format(Locale.ROOT, "%.2f", sustained));
            row("429s received", String.valueOf(limits.tooManyRequests()));
            row("delivered (sender's outcome)", String.valueOf(delivered));
            row("pushes lost (never accepted)", String.valueOf(lost));
            row("duplicates (accepted twice)", String.valueOf(limits.duplicates()));
            System.out.println(sustained >= 28.5 && lost == 0 && limits.duplicates() == 0
                    ? "RESULT: PASS (target >= 28.5 msg/s, 0 lost, 0 duplicates)"
                    : "RESULT: FAIL (target >= 28.5 msg/s, 0 lost, 0 duplicates)");
        }
        // OkHttp keeps idle connection threads alive for a minute; do not wait for them.
        System.exit(0);
    }

    private static void row(String metric, String value) {
        System.out.println("| " + metric + " | " + value + " |");
    }
}
