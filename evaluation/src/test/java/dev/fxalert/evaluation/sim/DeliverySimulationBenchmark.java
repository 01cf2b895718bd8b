package dev.fxalert.evaluation.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the virtual-time simulation's numbers ({@link DeliverySimulation}); not a test. Deterministic: the same
 * arguments give the same table on any machine, loaded or not.
 * <pre>
 * java -cp ... dev.fxalert.evaluation.sim.DeliverySimulationBenchmark PATH LAYOUT GROUPS PUSHES:CHATS...
 *   e.g. local interleaved 0 1000:1000 10000:10000 50000:10000
 *        lambda interleaved 0 50000:10000
 * </pre>
 */
public final class DeliverySimulationBenchmark {

    private DeliverySimulationBenchmark() {
    }

    public static void main(String[] args) {
        DeliverySimulation.Runner path = DeliverySimulation.Runner.valueOf(args[0].toUpperCase(Locale.ROOT));
        DeliverySimulation.Layout layout = DeliverySimulation.Layout.valueOf(args[1].toUpperCase(Locale.ROOT));
        int groups = Integer.parseInt(args[2]);
        System.out.println("| path | layout | pushes / chats (groups) | drain s | drain / (N/30) | msg/s | first push "
                + "| small event's push, worst of 8 | 429s (bot, chat, group) | lost | dup | Delivery runs "
                + "| findPendingPushes | findByIds | markFired | markPushDelivered | wall s |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int a = 3; a < args.length; a++) {
            String[] size = args[a].split(":");
            int pushes = Integer.parseInt(size[0]);
            int chats = Integer.parseInt(size[1]);
            List<Duration> smallAt = new ArrayList<>();
            long fanOutMillis = pushes * 1000L / 29;
            for (int i = 0; i < 8; i++) { // 10 % to 80 % into the fan-out, each at another phase of a batch
                smallAt.add(Duration.ofMillis(fanOutMillis * (i + 1) / 10 + i * 125L));
            }
            long started = System.nanoTime();
            DeliverySimulation.Result r = DeliverySimulation.run(DeliverySimulation.Scenario.of(pushes, chats)
                    .withSmallEventsAt(smallAt).through(path, Duration.ofSeconds(120)).laidOut(layout, groups));
            double wall = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %s | %,d / %,d (%d) | %.1f | %.4f | %.2f | %d ms | %d ms | %d (%s) "
                            + "| %d | %d | %d | %d | %d | %d | %d | %.0f |%n",
                    path, layout, pushes, chats, groups, r.drainSeconds(), r.drainRatio(), r.messagesPerSecond(),
                    r.firstPush().toMillis(), r.worstSmallDelay().toMillis(), r.tooManyRequests(), r.limitHits(),
                    r.lost(), r.duplicates(), r.invocations(), r.storeCalls("findPendingPushes"),
                    r.storeCalls("findByIds"), r.storeCalls("markFired"), r.storeCalls("markPushDelivered"), wall);
            System.out.println("small events' delays: " + r.smallDelays() + ", store calls: " + r.storeCalls());
        }
        System.exit(0);
    }
}
