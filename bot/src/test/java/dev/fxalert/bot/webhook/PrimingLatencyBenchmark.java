package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.snapstart.SnapStartPriming;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * First-invocation latency of the webhook function in a fresh JVM, with or without the SnapStart hooks called
 * first (a simulated checkpoint and restore: {@code primed} or {@code unprimed} as the argument). Prints one line
 * for docs/performance.md. Not a test: measured, never asserted. The embedded store stands in for DynamoDB and is
 * warmed in both cases (so the SDK's own first-call cost, which priming does not touch, is not in these figures).
 */
public final class PrimingLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        boolean primed = args.length > 0 && args[0].equals("primed");
        Path dir = Files.createTempDirectory("fx-alert-priming");
        try (FakeBotApi api = new FakeBotApi();
             EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), Clock.systemUTC())) {
            Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_WEBHOOK_SECRET", "s3cret",
                    "TELEGRAM_API_URL", api.baseUrl());
            WebhookHandler handler = new WebhookHandler(WebhookWiring.wire(WebhookWiring.config(Settings.of(env)),
                    Secrets.of(env), stores, Clock.systemUTC()));
            // The store is warm in both cases (its statements prepared): DynamoDB, which priming cannot warm without a
            // call, is not what is measured here.
            stores.users().linkChat(1L, "Warm", "en");
            stores.users().findByChatId(1L);
            stores.updateJournal().markHandled("tg:1", java.time.Instant.now());
            stores.updateJournal().wasHandled("tg:1");
            long primingMillis = 0;
            if (primed) {
                SnapStartPriming priming = handler.priming();
                long started = System.nanoTime();
                priming.beforeCheckpoint(null);
                priming.afterRestore(null);
                primingMillis = (System.nanoTime() - started) / 1_000_000;
            }
            long started = System.nanoTime();
            String body = handler.handleRequest(event(FakeBotApi.messageUpdate(2, 5150L, "Jun", "/help")), null).getBody();
            long firstMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            handler.handleRequest(event(FakeBotApi.messageUpdate(3, 5150L, "Jun", "/help")), null);
            long secondMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("%s: first /help %d ms, second %d ms, priming %d ms (reply in response: %s)%n",
                    primed ? "primed" : "unprimed", firstMillis, secondMillis, primingMillis, body.contains("sendmessage"));
        }
    }

    private static APIGatewayV2HTTPEvent event(String update) {
        return ApiGatewayEvents.update(update, "s3cret");
    }
}
