package dev.fxalert.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Rates as providers really send them, good and bad, through the whole app. A rate that crosses a threshold,
 * goes back, and crosses again at the same value the same provider day (A → B → A) is told twice. A quote dated
 * in the future, a first-ever quote far from any other opinion (0.0000001 for USD/KRW) and {@code 1e999999999}
 * fire nothing, and the app stays healthy: a later, good crossing is still pushed.
 */
class BadQuotesIT {

    private static final long CHAT = 777;

    @Test
    void aCrossingTwiceIsToldTwiceAndBadQuotesFireNothing() throws Exception {
        try (Fixture world = new Fixture("bad-quotes")) {
            FakeProviders providers = world.providers;
            providers.set("JPY", "148");
            providers.set("EUR", "0.9");
            providers.set("GBP", "0.98");
            providers.set("CHF", "0.95");
            providers.set("KRW", "1400");
            providers.frankfurter.put("KRW", "0.0000001"); // the first quote ever seen for USD/KRW; the other provider says 1400
            world.app.start();

            for (String alert : new String[]{"USD JPY above 150 aba", "USD KRW below 1000 tiny", "USD EUR above 2 huge",
                    "USD GBP above 1 future"}) {
                world.telegram.userSends(CHAT, "/alert " + alert);
            }
            Deadline.await("4 alerts confirmed", Duration.ofSeconds(60), () -> confirmations(world) == 4);
            world.app.runIngestion();

            // A → B → A across 150, the same Frankfurter day.
            providers.set("JPY", "152");
            world.app.runIngestion();
            Deadline.await("first USD/JPY push", Duration.ofSeconds(30), () -> pushesFor(world, "USD/JPY") == 1);
            providers.set("JPY", "148");
            world.app.runIngestion();
            providers.set("JPY", "152");
            world.app.runIngestion();
            boolean secondCrossingTold = Deadline.settle(Duration.ofSeconds(20), Duration.ofSeconds(10),
                    world.telegram::lastSendMillis, () -> pushesFor(world, "USD/JPY") == 2);

            // An absurd exponent.
            providers.frankfurter.put("EUR", "1e999999999");
            String hugeRun = attempt(world);
            providers.frankfurter.put("EUR", "0.9");

            // A quote dated 2099, a plausible move otherwise (within the spike limit of the last rate).
            providers.frankfurterDate = LocalDate.of(2099, 1, 1);
            providers.frankfurter.put("GBP", "1.02");
            String futureRun = attempt(world);
            providers.frankfurterDate = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
            providers.frankfurter.put("GBP", "0.98");

            // Control: the app still works end to end; once this push is out, any push the bad quotes caused is too.
            world.telegram.userSends(CHAT, "/alert USD CHF above 1 control");
            Deadline.await("control alert confirmed", Duration.ofSeconds(60), () -> confirmations(world) == 5);
            providers.set("CHF", "1.02");
            String controlRun = attempt(world);
            boolean controlPushed = Deadline.settle(Duration.ofSeconds(30), Duration.ofSeconds(15),
                    world.telegram::lastSendMillis, () -> pushesFor(world, "USD/CHF") == 1);
            // A guarded quote never becomes "latest": /rate does not show the 2099 value.
            world.telegram.userSends(CHAT, "/rate USD GBP");
            Deadline.await("/rate answered", Duration.ofSeconds(30), () -> rateReply(world) != null);
            boolean rateShowsFutureQuote = rateReply(world).contains("1.02");

            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("usdJpyPushes(A-B-A)", pushesFor(world, "USD/JPY"));
            counts.put("secondCrossingTold", secondCrossingTold);
            counts.put("tinyFirstQuotePushes", pushesFor(world, "USD/KRW"));
            counts.put("hugeExponentPushes", pushesFor(world, "USD/EUR"));
            counts.put("hugeExponentRun", hugeRun);
            counts.put("futureDatedPushes", pushesFor(world, "USD/GBP"));
            counts.put("futureDatedRun", futureRun);
            counts.put("rateShowsFutureQuote", rateShowsFutureQuote);
            counts.put("controlPushes", pushesFor(world, "USD/CHF"));
            counts.put("controlRun", controlRun);
            counts.put("alive", world.app.alive());
            counts.put("healthy", world.app.healthy());
            boolean outOfMemory = java.nio.file.Files.readString(world.app.log()).contains("OutOfMemoryError");
            counts.put("outOfMemoryErrorLogged", outOfMemory);
            Fixture.record("bad-quotes", counts);

            assertThat(world.app.alive()).as("app alive").isTrue();
            assertSoftly(soft -> {
                soft.assertThat(world.app.healthy()).as("app healthy").isTrue();
                soft.assertThat(outOfMemory).as("OutOfMemoryError in the app's log").isFalse();
                soft.assertThat(controlPushed).as("a good crossing after the bad quotes is pushed").isTrue();
                soft.assertThat(pushesFor(world, "USD/JPY")).as("pushes for A → B → A across 150").isEqualTo(2);
                soft.assertThat(pushesFor(world, "USD/KRW")).as("pushes from a tiny first quote").isZero();
                soft.assertThat(pushesFor(world, "USD/EUR")).as("pushes from 1e999999999").isZero();
                soft.assertThat(pushesFor(world, "USD/GBP")).as("pushes from a quote dated 2099").isZero();
                soft.assertThat(rateShowsFutureQuote).as("/rate shows the quote dated 2099").isFalse();
            });
        }
    }

    /** Runs one ingestion; says how it went (a bad quote may make the run fail, which is fine, or kill the app, which is not). */
    private static String attempt(Fixture world) {
        try {
            return "published " + world.app.runIngestion().path("eventsPublished").asText("?");
        } catch (Exception | Error e) {
            return "failed: " + e;
        }
    }

    private static String rateReply(Fixture world) {
        return world.replies().stream().filter(r -> r.chatId() == CHAT && r.text().contains("GBP")
                && !r.text().startsWith("Alert ")).map(FakeTelegram.Send::text).findFirst().orElse(null);
    }

    private static long confirmations(Fixture world) {
        return world.replies().stream().filter(r -> r.chatId() == CHAT && r.text().startsWith("Alert ")).count();
    }

    private static long pushesFor(Fixture world, String pair) {
        return world.pushes().stream().filter(p -> p.chatId() == CHAT && p.text().contains(pair)).count();
    }
}
