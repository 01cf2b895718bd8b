package dev.fxalert.bot.local;

import dev.fxalert.bot.app.TempDatabase;
import dev.fxalert.bot.telegram.FakeBotApi;
import okhttp3.mockwebserver.MockWebServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The network edge of the all-in-one application tests ({@code AllInOneEndToEndTest}, {@code MetricsEndToEndTest}):
 * a fake Telegram Bot API and {@link YesterdaysFrankfurter} quoting USD/KRW as {@link #usdKrw} holds, and the
 * settings that point the app at them. Held in a static field (Spring reads the settings before any test instance
 * exists) and closed in {@code @AfterAll}.
 */
final class AllInOneFakes implements AutoCloseable {

    final FakeBotApi telegram = new FakeBotApi();
    final AtomicReference<String> usdKrw = new AtomicReference<>("1390.5");
    final MockWebServer frankfurter = YesterdaysFrankfurter.start(usdKrw::get);

    /** Telegram and Frankfurter (alone) faked, a fresh database named after {@code database}, no run at start. */
    void settings(DynamicPropertyRegistry registry, String database) {
        registry.add("TELEGRAM_BOT_TOKEN", () -> FakeBotApi.TOKEN);
        registry.add("TELEGRAM_API_URL", telegram::baseUrl);
        registry.add("FRANKFURTER_BASE_URL", () -> frankfurter.url("/").toString());
        registry.add("INGESTION_PROVIDERS", () -> "frankfurter");
        registry.add("FX_ALERT_DB_PATH", () -> TempDatabase.newPath(database));
        registry.add("INGESTION_RUN_AT_START", () -> "false");
        // The fake changes the value of an already published day in place, which the ECB never does; asking only
        // when a newer table can exist would rightly not ask again the same day.
        registry.add("SCHEDULE_BY_PUBLICATION", () -> "false");
    }

    /** Mina links {@code chat} and sets {@code alert} over long polling; returns once both replies came. */
    void minaSetsAlert(long chat, String alert) {
        telegram.userSends(chat, "Mina", "/start");
        telegram.userSends(chat, "Mina", alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTexts(chat).size() >= 2);
    }

    /** The pushes {@code chat} received. */
    List<String> pushes(long chat) {
        return telegram.sentTexts(chat).stream().filter(text -> text.startsWith("🔔")).toList();
    }

    @Override
    public void close() throws IOException {
        telegram.close();
        frankfurter.shutdown();
    }
}
