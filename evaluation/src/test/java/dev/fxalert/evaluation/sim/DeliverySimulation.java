package dev.fxalert.evaluation.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.EvaluationAlerts;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.evaluation.DeliveryTrigger;
import dev.fxalert.evaluation.DrainResult;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.lambda.DeliveryHandler;
import dev.fxalert.evaluation.support.DirectExecutorService;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic virtual-time simulation of the delivery path: the real recorded {@link EvaluationService}, the
 * real {@link OutboxDelivery} (driven as the local {@code DeliveryWorker} does, or through the real
 * {@link DeliveryHandler} invoked as Lambda would: one invocation at a time, wake-ups queued, the handler
 * re-invoking itself), the real {@link PacedSender} and its {@code SendLimiter}, the embedded H2 store, and a Bot
 * API that enforces Telegram's flood limits in virtual time ({@link VirtualTelegram}).
 * <p>
 * Every executor is direct and every sleep moves {@link VirtualTime}: store calls and requests take no time, so
 * what is measured is the algorithm alone (scheduling, pacing, batching, 429 handling), free of the machine's
 * load. What it does not model: request latency and the overlap of two sending rounds (rounds run one after the
 * other here, the real drain runs two at once through the same limiter).
 */
final class DeliverySimulation {

    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final CurrencyPair BIG = CurrencyPair.of("USD", "KRW");
    private static final CurrencyPair SMALL = CurrencyPair.of("EUR", "USD");
    private static final long FIRST_CHAT = 1_000_000L;
    private static final long FIRST_SMALL_CHAT = 9_000_000L;

    /** Who drains: the local worker loop, or the Lambda handler invoked as Lambda would. */
    enum Runner { LOCAL, LAMBDA }

    /** Which chat owns the i-th crossed alert of the big event. */
    enum Layout {
        /** Chat {@code i % chats}: a chat's alerts are far apart in the crossing order. */
        INTERLEAVED,
        /** Chat {@code i / (pushes / chats)}: a chat's alerts are next to each other (a user's several alerts). */
        CLUSTERED
    }

    /**
     * @param pushes       alerts the big event (USD/KRW) crosses
     * @param chats        chats owning them
     * @param groups       how many of those chats are groups (negative ids, 20 messages a minute)
     * @param smallAt      offsets from the big event at which a small event (EUR/USD) crosses one more alert each
     * @param path         local worker or Lambda handler
     * @param maxDrain     the Lambda handler's drain budget per invocation
     * @param pacing       the sender's limits
     * @param drainConfig  the drainer's batching
     */
    record Scenario(int pushes, int chats, int groups, Layout layout, List<Duration> smallAt, Runner path,
                    Duration maxDrain, PacingConfig pacing, OutboxDelivery.Config drainConfig) {

        static Scenario of(int pushes, int chats) {
            return new Scenario(pushes, chats, 0, Layout.INTERLEAVED, List.of(), Runner.LOCAL, Duration.ofSeconds(120),
                    PacingConfig.DEFAULTS, OutboxDelivery.Config.DEFAULTS);
        }

        Scenario withSmallEventsAt(List<Duration> offsets) {
            return new Scenario(pushes, chats, groups, layout, offsets, path, maxDrain, pacing, drainConfig);
        }

        Scenario through(Runner newPath, Duration newMaxDrain) {
            return new Scenario(pushes, chats, groups, layout, smallAt, newPath, newMaxDrain, pacing, drainConfig);
        }

        Scenario laidOut(Layout newLayout, int newGroups) {
            return new Scenario(pushes, chats, newGroups, newLayout, smallAt, path, maxDrain, pacing, drainConfig);
        }
    }

    /**
     * @param total          pushes expected (big + small)
     * @param drainSeconds   big event to the last accepted push, virtual seconds
     * @param smallDelays    each small event: evaluated to its push accepted
     * @param storeCalls     calls to the store ports by method, from the big event to the end
     */
    record Result(int total, long fired, long accepted, long lost, long duplicates, long tooManyRequests,
                  String limitHits, double drainSeconds, List<Duration> smallDelays, Map<String, Long> storeCalls,
                  int invocations, Duration firstPush) {

        double drainRatio() {
            return drainSeconds / (total / 30.0);
        }

        double messagesPerSecond() {
            return accepted / drainSeconds;
        }

        Duration worstSmallDelay() {
            return smallDelays.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }

        long storeCalls(String method) {
            return storeCalls.getOrDefault(method, 0L);
        }
    }

    private DeliverySimulation() {
    }

    static Result run(Scenario scenario) {
        Path dir;
        try {
            dir = Files.createTempDirectory("delivery-sim");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VirtualTime time = new VirtualTime(T0.minus(Duration.ofHours(1)));
        try (EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("sim.db"), 10_000), time)) {
            List<Long> smallChats = load(stores, scenario, time);
            time.advanceTo(T0);
            return simulate(stores, scenario, smallChats, time);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Result simulate(EmbeddedStores stores, Scenario scenario, List<Long> smallChats, VirtualTime time) {
        Map<String, Long> calls = new TreeMap<>();
        AlertStore alerts = counting(AlertStore.class, stores.alerts(), calls); // the drainer reads an owner's held pushes too
        UserStore users = counting(UserStore.class, stores.users(), calls);
        VirtualTelegram telegram = new VirtualTelegram(time);
        PacedSender sender = new PacedSender(telegram, alerts, users, DeliveryObserver.NONE, scenario.pacing(), time,
                time.sleeper(), new DirectExecutorService());
        OutboxDelivery delivery = new OutboxDelivery(alerts, users, sender, time, time.sleeper(),
                new DirectExecutorService(), scenario.drainConfig());
        List<String> invocations = new ArrayList<>(); // queued Lambda invocations (or local wake-ups)
        DeliveryTrigger trigger = (eventId, count) -> invocations.add(eventId);
        EvaluationService evaluation = EvaluationService.recording(alerts, users, time, EvaluationConfig.DEFAULTS,
                trigger, scenario.pacing().globalInterval(), scenario.pacing().perChatInterval(),
                new DirectExecutorService(), 1);
        long[] fired = new long[1];
        List<Instant> smallEvaluated = new ArrayList<>();
        time.schedule(T0, () -> fired[0] += evaluation.onRateUpdated(event(BIG, "1401", time)).fired());
        for (int i = 0; i < scenario.smallAt().size(); i++) {
            String rate = smallThreshold(i).add(new BigDecimal("0.005")).toPlainString();
            time.schedule(T0.plus(scenario.smallAt().get(i)), () -> {
                smallEvaluated.add(time.instant());
                fired[0] += evaluation.onRateUpdated(event(SMALL, rate, time)).fired();
            });
        }
        DeliveryHandler handler = new DeliveryHandler(delivery, trigger, time, scenario.maxDrain(), new ObjectMapper());
        int invoked = 0;
        int total = scenario.pushes() + scenario.smallAt().size();
        Instant giveUp = T0.plus(Duration.ofSeconds(total / 10 + 600));
        time.advanceTo(T0);
        while (time.instant().isBefore(giveUp)) {
            if (invocations.isEmpty()) {
                if (!time.hasScheduled()) {
                    break; // nothing pending wakes delivery again: done (a lost push shows as lost)
                }
                time.advanceTo(time.nextScheduled());
                continue;
            }
            invocations.clear(); // one drain serves every wake-up queued so far (the worker's flag; Lambda dedups)
            invoked++;
            try {
                if (scenario.path() == Runner.LAMBDA) {
                    handler.handleRequest(new ByteArrayInputStream(
                            ("{\"action\":\"" + DeliveryHandler.DRAIN_ACTION + "\"}").getBytes(StandardCharsets.UTF_8)),
                            new ByteArrayOutputStream(), null);
                } else {
                    DrainResult result = delivery.drain(time.instant().plus(Duration.ofMinutes(1)));
                    if (result.moreLeft()) {
                        invocations.add("worker");
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        sender.close();
        List<Duration> smallDelays = new ArrayList<>();
        for (int i = 0; i < smallChats.size(); i++) {
            Instant accepted = telegram.firstAcceptedTo(smallChats.get(i));
            smallDelays.add(accepted == null || i >= smallEvaluated.size() ? Duration.ofDays(1)
                    : Duration.between(smallEvaluated.get(i), accepted));
        }
        Instant last = telegram.lastAccepted() == null ? T0 : telegram.lastAccepted();
        Instant first = telegram.firstAccepted() == null ? T0 : telegram.firstAccepted();
        return new Result(total, fired[0], telegram.accepted(), total - telegram.distinctAccepted(),
                telegram.duplicates(), telegram.tooManyRequests(), telegram.limitHits(),
                Duration.between(T0, last).toNanos() / 1e9, smallDelays, calls, invoked, Duration.between(T0, first));
    }

    /** The users and alerts; returns the chats of the small events' alerts, in order. */
    private static List<Long> load(EmbeddedStores stores, Scenario scenario, VirtualTime time) {
        List<User> users = new ArrayList<>();
        for (int c = 0; c < scenario.chats(); c++) {
            long chatId = c < scenario.groups() ? -(FIRST_CHAT + c) : FIRST_CHAT + c;
            users.add(stores.users().linkChat(chatId, "User " + chatId, "en"));
        }
        int perChat = Math.max(1, scenario.pushes() / scenario.chats());
        for (int i = 0; i < scenario.pushes(); i++) {
            User owner = scenario.layout() == Layout.INTERLEAVED ? users.get(i % scenario.chats())
                    : users.get(Math.min(scenario.chats() - 1, i / perChat));
            stores.alerts().create(Alert.create(String.format("b%07d", i), new Owner(owner.id(), owner.chatId()), BIG,
                    Direction.ABOVE, new BigDecimal("1400"), AlertMode.ONCE, null, time.instant()));
        }
        List<Long> smallChats = new ArrayList<>();
        for (int i = 0; i < scenario.smallAt().size(); i++) {
            User owner = stores.users().linkChat(FIRST_SMALL_CHAT + i, "Small " + i, "en");
            stores.alerts().create(Alert.create(String.format("s%07d", i), new Owner(owner.id(), owner.chatId()), SMALL,
                    Direction.ABOVE, smallThreshold(i), AlertMode.ONCE, null, time.instant()));
            smallChats.add(owner.chatId());
        }
        return smallChats;
    }

    /** The i-th small alert's threshold: each small event crosses exactly one more (the earlier ones fired once). */
    private static BigDecimal smallThreshold(int i) {
        return new BigDecimal("1.10").add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(i)));
    }

    private static RateUpdated event(CurrencyPair pair, String value, VirtualTime time) {
        return RateUpdated.of(new Rate(pair, new BigDecimal(value), "sim", time.instant()), null);
    }

    /** The port, counting each call by method name. */
    private static <T> T counting(Class<T> port, T target, Map<String, Long> calls) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                calls.merge(method.getName(), 1L, Long::sum);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir
        }
    }
}
