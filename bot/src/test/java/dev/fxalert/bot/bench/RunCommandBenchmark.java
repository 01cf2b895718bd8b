package dev.fxalert.bot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.bot.webhook.TelegramWebhook;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.RateProviders;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * What one chat command costs, printed as a table for docs/performance.md (not a test: speed is measured here,
 * never asserted). The chat bot runs over the embedded store in a temporary folder; the webhook rows add parsing
 * the update JSON and either the sendMessage call to a local fake Bot API (how the webhook answered before it
 * replied in its HTTP response, and how long polling still answers) or writing the reply as the method the
 * response carries (how the webhook answers now). With the argument {@code webhook} only the two webhook rows run.
 *
 * <p>Run it as docs/performance.md shows (plain {@code java} on the reactor's test classpath, since exec:java with
 * {@code -am} would try to run it in every module).
 */
public final class RunCommandBenchmark {

    private static final int CHATS = 200;
    private static final int ROUNDS = 2_000;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("fx-alert-bench");
        Clock clock = Clock.systemUTC();
        try (EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
             FakeBotApi api = new FakeBotApi()) {
            stores.rateHistory().append(new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1385.2"), "frankfurter",
                    Instant.now()), "bench-rate");
            ChatBot bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                    RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())), clock,
                    new BotSettings("", Integer.MAX_VALUE, Duration.ofMinutes(15)));
            System.out.println("| command | runs | mean µs | commands/s |");
            System.out.println("|---|---:|---:|---:|");
            if (args.length > 0 && args[0].equals("webhook")) {
                for (int i = 0; i < CHATS; i++) {
                    bot.handle(IncomingMessage.privateText(chat(i), "/start"));
                }
            } else {
                commands(bot);
            }
            TelegramUpdateHandler updates = new TelegramUpdateHandler(bot,
                    new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl()));
            ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            measure("webhook: /rate update, reply as an outbound sendMessage", i -> {
                try {
                    updates.handle(json.readValue(FakeBotApi.messageUpdate(i, chat(i), "Bench", "/rate USD KRW"), Update.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            TelegramWebhook webhook = new TelegramWebhook("secret", updates);
            Map<String, String> headers = Map.of(TelegramWebhook.SECRET_HEADER, "secret");
            measure("webhook: /rate update, reply in the HTTP response", i -> webhook.handle("POST", TelegramWebhook.PATH,
                    headers, FakeBotApi.messageUpdate(i, chat(i), "Bench", "/rate USD KRW")));
        }
    }

    private static void commands(ChatBot bot) {
        measure("/start (links the chat)", i -> bot.handle(IncomingMessage.privateText(chat(i), "/start")));
        measure("/alert USD KRW above N", i -> bot.handle(IncomingMessage.privateText(chat(i),
                "/alert USD KRW above " + (1300 + i % 200))));
        measure("/alerts (11 alerts each, first page)", i -> bot.handle(IncomingMessage.privateText(chat(i), "/alerts")));
        measure("/rate USD KRW", i -> bot.handle(IncomingMessage.privateText(chat(i), "/rate USD KRW")));
        measure("/alert with a typo (refusal)", i -> bot.handle(IncomingMessage.privateText(chat(i),
                "/alert USD KRW sideways 1400")));
    }

    private static long chat(int i) {
        return 10_000 + i % CHATS;
    }

    private static void measure(String name, IntConsumer command) {
        for (int i = 0; i < 200; i++) {
            command.accept(i); // warm-up; /start and /alert are idempotent enough for the figures here
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            command.accept(i);
        }
        double meanMicros = (System.nanoTime() - start) / 1_000.0 / ROUNDS;
        System.out.printf("| %s | %,d | %,.0f | %,.0f |%n", name, ROUNDS, meanMicros, 1_000_000 / meanMicros);
    }
}
