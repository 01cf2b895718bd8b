package dev.fxalert.bot.telegram;

import dev.fxalert.bot.chart.JFreeChartRenderer;
import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChartRenderer;
import dev.fxalert.bot.command.ChartSpec;
import dev.fxalert.bot.command.Charts;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.bot.webhook.TelegramWebhook;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.RateProviders;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /chart and the Chart buttons end to end through the webhook's handler: the update in, the picture out as a
 * multipart sendPhoto to the fake Bot API (never in the webhook's HTTP answer), with its caption, the reader's
 * thresholds drawn, and a first chart backfilling the pair's year from a loopback Frankfurter.
 */
class ChartThroughBotApiTest {

    private static final String SECRET = "chart-secret";
    private static final long CHAT = 7070L;
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    /** Frankfurter's time series, in its real format (a few working days of the backfilled range). */
    private static final String TIME_SERIES = "{\"amount\":1.0,\"base\":\"USD\",\"start_date\":\"2026-11-10\","
            + "\"end_date\":\"2026-11-19\",\"rates\":{\"2026-11-10\":{\"KRW\":1450.31},\"2026-11-11\":{\"KRW\":1446.27},"
            + "\"2026-11-12\":{\"KRW\":1448.73},\"2026-11-13\":{\"KRW\":1443.67},\"2026-11-16\":{\"KRW\":1444.64},"
            + "\"2026-11-17\":{\"KRW\":1443.39},\"2026-11-18\":{\"KRW\":1438.14},\"2026-11-19\":{\"KRW\":1438.74}}}";

    @TempDir
    Path dir;
    private FakeBotApi api;
    private MockWebServer frankfurter;
    private EmbeddedStores stores;
    private TelegramWebhook webhook;
    private final List<ChartSpec> drawn = new CopyOnWriteArrayList<>();
    private int updateId = 500;

    @BeforeEach
    void wire() throws Exception {
        api = new FakeBotApi();
        frankfurter = new MockWebServer();
        frankfurter.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
        JFreeChartRenderer real = new JFreeChartRenderer();
        ChartRenderer recording = spec -> {
            drawn.add(spec);
            return real.png(spec);
        };
        ChatBot bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())), RateSources.none(), clock,
                new BotSettings("", 1000, Duration.ofMinutes(15)), CommandObserver.NONE,
                new Charts(recording, new FrankfurterProvider(new OkHttpClient(), frankfurter.url("/").toString(), clock)));
        webhook = new TelegramWebhook(SECRET, new TelegramUpdateHandler(bot,
                new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl())));
        // Live rates ingestion stored over the last days (the oldest on the 20th).
        for (int day = 20; day <= 24; day++) {
            stores.rateHistory().append(new Rate(USD_KRW, new BigDecimal("14" + (day + 10) + ".5"), "frankfurter",
                    Instant.parse("2026-11-" + day + "T15:00:00Z")), "live-" + day);
        }
    }

    @AfterEach
    void close() throws Exception {
        stores.close();
        frankfurter.shutdown();
        api.close();
    }

    /** What the webhook answered in its HTTP bodies (a one-message reply or a button's answer), in order. */
    private final List<com.fasterxml.jackson.databind.JsonNode> answeredInBody = new java.util.ArrayList<>();

    private int send(String text) {
        return respond(webhook.handle("POST", TelegramWebhook.PATH, Map.of(TelegramWebhook.SECRET_HEADER, SECRET),
                FakeBotApi.messageUpdate(++updateId, CHAT, "Min", text)));
    }

    private int press(String data) {
        return respond(webhook.handle("POST", TelegramWebhook.PATH, Map.of(TelegramWebhook.SECRET_HEADER, SECRET),
                FakeBotApi.callbackUpdate(++updateId, "cbq-" + updateId, CHAT, "Min", data)));
    }

    private int respond(dev.fxalert.bot.webhook.WebhookResponse response) {
        response.body().ifPresent(body -> {
            try {
                answeredInBody.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return response.status();
    }

    @Test
    void chartIsAMultipartSendPhotoWithCaptionThresholdsAndABackfilledHistory() throws Exception {
        frankfurter.enqueue(new MockResponse().addHeader("Content-Type", "application/json").setBody(TIME_SERIES));
        send("/alert USD KRW above 1500");
        send("/alert USD KRW below 1400");
        Alert fired = stores.alerts().listByOwner(stores.users().findByChatId(CHAT).orElseThrow().id()).stream()
                .filter(alert -> alert.threshold().compareTo(new BigDecimal("1400")) == 0).findFirst().orElseThrow();
        stores.alerts().markFired(fired.id(), new Firing("e-fire", new BigDecimal("1399"), "frankfurter", NOW, NOW));

        assertThat(send("/chart USD KRW 30d")).isEqualTo(200);

        assertThat(api.calls("sendPhoto")).singleElement().satisfies(call -> {
            assertThat(call.body().path("chat_id").asText()).isEqualTo(Long.toString(CHAT));
            assertThat(call.body().path("caption").asText()).isEqualTo("USD/KRW, 30 days\n"
                    + "Latest: 1,434.5 (frankfurter, 2026-11-24 15:00 UTC)\n"
                    + "2 thresholds of yours are drawn.\n"
                    + "Solid line: armed; dashed: fired; dotted: paused.\n"
                    + "History starts 2026-11-10 15:00 UTC; I have no older rates for this pair.");
            // The other periods, as Chart buttons (callback data well under 64 bytes).
            assertThat(call.body().path("reply_markup").path("inline_keyboard").get(0).findValuesAsText("callback_data"))
                    .containsExactly("chart:USDKRW:7d", "chart:USDKRW:90d", "chart:USDKRW:1y");
        });
        FakeBotApi.Photo photo = api.photos().get(0);
        assertThat(photo.fileName()).isEqualTo("chart-USDKRW-30d.png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
        assertThat(image.getWidth()).isEqualTo(JFreeChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(JFreeChartRenderer.HEIGHT);

        ChartSpec spec = drawn.get(0);
        assertThat(spec.lines()).extracting(ChartSpec.Line::label, ChartSpec.Line::style).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("armed 1,500", ChartSpec.Style.ARMED),
                org.assertj.core.groups.Tuple.tuple("fired 1,400", ChartSpec.Style.FIRED));
        // 8 backfilled days (10th to 19th) before the 5 live ones.
        assertThat(spec.rates()).hasSize(13);
        assertThat(spec.rates().get(0).observedAt()).isEqualTo(Instant.parse("2026-11-10T15:00:00Z"));
        assertThat(frankfurter.takeRequest(10, java.util.concurrent.TimeUnit.SECONDS)).isNotNull().extracting(okhttp3.mockwebserver.RecordedRequest::getPath).asString().isEqualTo("/v1/2025-11-25..2026-11-20?base=USD&symbols=KRW");
        assertThat(api.sentTexts(CHAT)).noneMatch(text -> text.contains("USD/KRW, 30 days"));
    }

    @Test
    void theChartButtonIsAnsweredAndSendsThatPeriod() {
        frankfurter.enqueue(new MockResponse().setResponseCode(503)); // no past rates today: chart what exists
        send("/start");

        assertThat(press("chart:USDKRW:7d")).isEqualTo(200);

        // the answer rides in the webhook's response; the photo is an upload, so a call
        assertThat(answeredInBody).last().satisfies(answer ->
                assertThat(answer.path("method").asText()).isEqualTo("answercallbackquery"));
        assertThat(api.photos()).singleElement().satisfies(photo -> {
            assertThat(photo.fileName()).isEqualTo("chart-USDKRW-7d.png");
            assertThat(photo.caption()).startsWith("USD/KRW, 7 days\nLatest: 1,434.5").contains("No alerts on this pair.");
        });
        assertThat(drawn.get(0).from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
    }

    @Test
    void aKoreanReaderGetsAKoreanCaptionAndHistoryOnlySinceFetchingWhenNoPastRatesCame() {
        frankfurter.enqueue(new MockResponse().setResponseCode(503));
        send("/lang ko");

        send("/chart USDKRW 90d");

        assertThat(api.photos()).singleElement().satisfies(photo -> assertThat(photo.caption())
                .startsWith("USD/KRW, 90일\n최근: 1,434.5 (frankfurter, 2026-11-24 15:00 UTC)")
                .endsWith("기록은 2026-11-20 15:00 UTC부터 있습니다. 이 통화쌍의 그 이전 환율은 없습니다."));
        assertThat(drawn.get(0).title()).isEqualTo("USD/KRW · 90일");
    }

    @Test
    void aPairWithoutAnyRateAnswersInTextAndAWrongPeriodIsRefusedWithAnExample() {
        send("/chart EUR JPY");
        send("/chart USD KRW 2w");

        assertThat(api.calls("sendPhoto")).isEmpty();
        assertThat(answeredInBody).extracting(body -> body.path("text").asText()).containsExactly(
                "I have no rates for EUR/JPY yet; I'm fetching it now, ask again in a few minutes.",
                "I chart 7d, 30d, 90d or 1y, not '2w'.\nExample: /chart USD KRW 30d");
    }

    // --- backfill on first watch (issue 16 follow-up, polish17) ---

    /** Frankfurter's answer reaching back the whole year (its first day is the year's first), so the pair is covered. */
    private static final String YEAR_SERIES = TIME_SERIES.replace("\"rates\":{",
            "\"rates\":{\"2025-11-25\":{\"KRW\":1398.02},").replace("\"start_date\":\"2026-11-10\"",
            "\"start_date\":\"2025-11-25\"");

    /**
     * The webhook wired as {@link #wire} does, with the backfill's background handed to the test: the tasks run
     * when the test says, on the test's thread (no threads, no sleeps).
     */
    private TelegramWebhook webhookWithBackground(java.util.Queue<Runnable> background) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JFreeChartRenderer real = new JFreeChartRenderer();
        ChatBot bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())), RateSources.none(), clock,
                new BotSettings("", 1000, Duration.ofMinutes(15)), CommandObserver.NONE,
                new Charts(spec -> {
                    drawn.add(spec);
                    return real.png(spec);
                }, new FrankfurterProvider(new OkHttpClient(), frankfurter.url("/").toString(), clock), background::add));
        return new TelegramWebhook(SECRET, new TelegramUpdateHandler(bot,
                new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl())));
    }

    @Test
    void aPairsFirstAlertBackfillsItsYearInTheBackgroundSoTheFirstChartAsksNothing() throws Exception {
        java.util.Queue<Runnable> background = new java.util.ArrayDeque<>();
        webhook = webhookWithBackground(background);
        frankfurter.enqueue(new MockResponse().addHeader("Content-Type", "application/json").setBody(YEAR_SERIES));

        send("/alert USD KRW above 1500");
        send("/alert USD KRW below 1400");

        // Both replies were given without a request to Frankfurter: the backfill waits in the background, once.
        assertThat(answeredInBody).hasSize(2).allSatisfy(body ->
                assertThat(body.path("text").asText()).startsWith("Alert "));
        assertThat(frankfurter.getRequestCount()).isZero();
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(frankfurter.takeRequest(10, java.util.concurrent.TimeUnit.SECONDS)).isNotNull()
                .extracting(okhttp3.mockwebserver.RecordedRequest::getPath).asString()
                .isEqualTo("/v1/2025-11-25..2026-11-20?base=USD&symbols=KRW");

        send("/chart USD KRW 30d");

        assertThat(frankfurter.getRequestCount()).isEqualTo(1); // the chart found its year there
        assertThat(drawn.get(0).rates()).hasSize(13); // 8 backfilled days before the 5 live ones
        assertThat(api.photos()).hasSize(1);
    }

    @Test
    void aFailedBackgroundBackfillIsRetriedByTheFirstChart() {
        java.util.Queue<Runnable> background = new java.util.ArrayDeque<>();
        webhook = webhookWithBackground(background);
        frankfurter.enqueue(new MockResponse().setResponseCode(503));
        frankfurter.enqueue(new MockResponse().addHeader("Content-Type", "application/json").setBody(YEAR_SERIES));

        send("/alert USD KRW above 1500");
        background.poll().run(); // Frankfurter down: logged, no reply depends on it

        send("/chart USD KRW 30d");

        assertThat(frankfurter.getRequestCount()).isEqualTo(2);
        assertThat(drawn.get(0).rates()).hasSize(13);
    }
}
