package dev.fxalert.faults;

import dev.fxalert.faults.FakeTelegram.Fault;
import dev.fxalert.faults.FakeTelegram.Send;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * A fan-out to 60 chats while Telegram misbehaves the ways it does: a 200 that comes after the client gave up
 * (slow-200), a connection dropped after the request was sent, a bot-wide 429 storm, permanent 400s ("not enough
 * rights", "group chat was upgraded" with migrate_to_chat_id), 403 "blocked", and its limits enforced (30/s per
 * bot, 1/s per chat). Proves: no chat that can receive the push misses it, none gets it twice (an unknown outcome
 * included: the fake counts a slow or dropped send as seen by the user), permanent errors are not retried, a 429
 * pauses the whole bot, and no second ever carries more than 30 sends.
 */
class TelegramFaultsIT {

    static final long FIRST = 30_001;
    static final int CHATS = 60;
    static final List<Long> SLOW = List.of(FIRST, FIRST + 1);
    static final List<Long> DROPPED = List.of(FIRST + 2, FIRST + 3);
    static final List<Long> NO_RIGHTS = List.of(FIRST + 4, FIRST + 5);
    static final long MIGRATED = FIRST + 6;
    static final long MIGRATED_TO = -100_000_000_000L - MIGRATED;
    static final List<Long> BLOCKED = List.of(FIRST + 7, FIRST + 8);
    static final long STORM_MILLIS = 3_000;
    /** A 429 stops new sends; only those already in flight (DELIVERY_MAX_IN_FLIGHT) may still arrive. */
    static final int MAX_SENDS_INTO_A_STORM = 8 + 1;

    @Test
    void everyReachableChatGetsThePushOnceWithinTelegramsLimits() throws Exception {
        try (Fixture world = new Fixture("telegram-faults")) {
            FakeTelegram telegram = world.telegram;
            world.providers.set("JPY", "140");
            world.app.start();
            for (long chat = FIRST; chat < FIRST + CHATS; chat++) {
                telegram.userSends(chat, "/alert USD JPY above 150 t" + chat);
            }
            Deadline.await(CHATS + " alerts confirmed", Duration.ofMinutes(1), () -> world.replies().stream()
                    .filter(r -> r.text().startsWith("Alert ")).map(Send::chatId).distinct().count() == CHATS);

            telegram.enforceLimits(true);
            telegram.stormAtFirstPush(STORM_MILLIS, 2);
            telegram.onSend((chat, text, previous) -> {
                if (!text.startsWith("🔔")) {
                    return null;
                }
                if (SLOW.contains(chat) && previous == 0) {
                    return new Fault.Slow(15_000);
                }
                if (DROPPED.contains(chat) && previous == 0) {
                    return new Fault.Drop();
                }
                if (NO_RIGHTS.contains(chat)) {
                    return new Fault.Error(400, "Bad Request: not enough rights to send text messages to the chat", null);
                }
                if (chat == MIGRATED) {
                    return new Fault.Error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                            "{\"migrate_to_chat_id\":" + MIGRATED_TO + "}");
                }
                if (BLOCKED.contains(chat)) {
                    return new Fault.Error(403, "Forbidden: bot was blocked by the user", null);
                }
                return null;
            });
            world.providers.set("JPY", "151");
            world.app.runIngestionAsync();

            List<Long> reachable = LongStream.range(FIRST, FIRST + CHATS)
                    .filter(c -> !NO_RIGHTS.contains(c) && !BLOCKED.contains(c) && c != MIGRATED).boxed().toList();
            boolean settled = Deadline.settle(Duration.ofSeconds(90), Duration.ofSeconds(20), telegram::lastSendMillis,
                    () -> reachable.stream().allMatch(c -> delivered(world, c) >= 1) && delivered(world, MIGRATED_TO) >= 1);

            List<Send> all = telegram.sends();
            long stormEnd = telegram.stormUntilMillis();
            long intoStorm = all.stream().filter(s -> s.atMillis() >= stormEnd - STORM_MILLIS && s.atMillis() < stormEnd).count();
            long missing = reachable.stream().filter(c -> delivered(world, c) == 0).count()
                    + (delivered(world, MIGRATED_TO) == 0 ? 1 : 0);
            long duplicates = reachable.stream().mapToLong(c -> Math.max(0, delivered(world, c) - 1)).sum()
                    + Math.max(0, delivered(world, MIGRATED_TO) - 1);
            long permanentRetries = LongStream.concat(NO_RIGHTS.stream().mapToLong(Long::longValue),
                            LongStream.concat(BLOCKED.stream().mapToLong(Long::longValue), LongStream.of(MIGRATED)))
                    .map(c -> Math.max(0, answered(all, c, s -> s.status() == 400 || s.status() == 403) - 1)).sum();
            int maxPerSecond = FakeTelegram.maxPerSecond(all);
            int maxPushesPerSecond = FakeTelegram.maxPerSecond(all.stream().filter(Send::isPush).toList());

            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("settled", settled);
            counts.put("reachableChats", reachable.size() + 1);
            counts.put("missing", missing);
            counts.put("duplicates", duplicates);
            counts.put("chatsWithDuplicates", LongStream.concat(reachable.stream().mapToLong(Long::longValue),
                    LongStream.of(MIGRATED_TO)).filter(c -> delivered(world, c) > 1).boxed().toList());
            counts.put("missingChats", LongStream.concat(reachable.stream().mapToLong(Long::longValue),
                    LongStream.of(MIGRATED_TO)).filter(c -> delivered(world, c) == 0).boxed()
                    .map(c -> c + ":" + all.stream().filter(s -> s.chatId() == c && s.isPush()).map(Send::status).toList())
                    .toList());
            long slowServed = all.stream().filter(s -> s.outcome() == FakeTelegram.Outcome.DELIVERED_SLOW).count();
            long dropsServed = all.stream().filter(s -> s.outcome() == FakeTelegram.Outcome.DELIVERED_DROPPED).count();
            counts.put("slowAnswersServed", slowServed);
            counts.put("connectionsDropped", dropsServed);
            counts.put("slowChatDeliveries", SLOW.stream().mapToLong(c -> delivered(world, c)).sum());
            counts.put("droppedChatDeliveries", DROPPED.stream().mapToLong(c -> delivered(world, c)).sum());
            counts.put("migratedDeliveries", delivered(world, MIGRATED_TO));
            counts.put("permanentErrorRetries", permanentRetries);
            counts.put("sendsIntoStorm", intoStorm);
            counts.put("answered429", all.stream().filter(s -> s.status() == 429).count());
            counts.put("maxSendsPerSecond", maxPerSecond);
            counts.put("maxPushesPerSecond", maxPushesPerSecond);
            Fixture.record("telegram-faults", counts);

            assertThat(world.app.alive()).as("app alive").isTrue();
            assertSoftly(soft -> {
                soft.assertThat(slowServed).as("slow-200 faults served (the scenario ran)").isEqualTo(SLOW.size());
                soft.assertThat(dropsServed).as("dropped connections served (the scenario ran)").isEqualTo(DROPPED.size());
                soft.assertThat(missing).as("reachable chats without the push").isZero();
                soft.assertThat(duplicates).as("pushes seen twice (slow-200 and dropped included)").isZero();
                soft.assertThat(permanentRetries).as("re-sends after a permanent 400/403").isZero();
                soft.assertThat(intoStorm).as("sends during a 429 storm").isLessThanOrEqualTo(MAX_SENDS_INTO_A_STORM);
                soft.assertThat(maxPerSecond).as("most sendMessage calls in one second").isLessThanOrEqualTo(FakeTelegram.GLOBAL_PER_SECOND);
            });
        }
    }

    private static long delivered(Fixture world, long chat) {
        return world.pushes().stream().filter(s -> s.chatId() == chat).count();
    }

    private static long answered(List<Send> sends, long chat, Predicate<Send> how) {
        return sends.stream().filter(s -> s.chatId() == chat && s.isPush()).filter(how).count();
    }
}
