package dev.fxalert.bot.webhook;

import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * charts (issue 16) in the webhook Lambda as wired for AWS: the function draws the chart and sends it with a
 * sendPhoto call (an HTTP answer to Telegram's webhook cannot carry a file); its first chart of a pair asks
 * Frankfurter's time series at FRANKFURTER_BASE_URL.
 */
class WebhookChartTest {

    private static final long CHAT = 6060L;

    @RegisterExtension
    final WebhookFixture fixture = new WebhookFixture();
    private final FakeBotApi api = fixture.api;
    private final EmbeddedStores stores = fixture.stores;
    private MockWebServer frankfurter;
    private WebhookHandler handler;

    @BeforeEach
    void wire() throws Exception {
        frankfurter = new MockWebServer();
        frankfurter.start();
        handler = new WebhookHandler(fixture.webhook(Map.of("FRANKFURTER_BASE_URL", frankfurter.url("/").toString())));
    }

    @AfterEach
    void close() throws Exception {
        frankfurter.shutdown();
    }

    @Test
    void theFunctionDrawsTheChartAndSendsItAsASendPhotoCall() throws Exception {
        Instant now = Instant.now();
        stores.rateHistory().append(new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1427.78"), "frankfurter",
                now.minus(Duration.ofHours(2))), "live-1");
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(20);
        frankfurter.enqueue(new MockResponse().addHeader("Content-Type", "application/json").setBody(
                "{\"amount\":1.0,\"base\":\"USD\",\"start_date\":\"" + day + "\",\"end_date\":\"" + day.plusDays(1)
                        + "\",\"rates\":{\"" + day + "\":{\"KRW\":1450.31},\"" + day.plusDays(1) + "\":{\"KRW\":1446.27}}}"));

        int status = handler.handleRequest(ApiGatewayEvents.update(FakeBotApi.messageUpdate(1, CHAT, "Ara", "/chart USD KRW"),
                WebhookFixture.SECRET), null).getStatusCode();

        assertThat(status).isEqualTo(200);
        RecordedRequest backfill = frankfurter.takeRequest(10, TimeUnit.SECONDS); // never wait forever
        assertThat(backfill).as("the backfill's request to Frankfurter").isNotNull();
        assertThat(backfill.getPath()).startsWith("/v1/").endsWith("?base=USD&symbols=KRW");
        assertThat(api.photos()).singleElement().satisfies(photo -> {
            assertThat(photo.chatId()).isEqualTo(CHAT);
            assertThat(photo.caption()).startsWith("USD/KRW, 30 days\nLatest: 1,427.78 (frankfurter, ");
            assertThat(photo.bytes()).startsWith(0x89, 'P', 'N', 'G');
        });
        assertThat(stores.rateHistory().between(CurrencyPair.of("USD", "KRW"), now.minus(Duration.ofDays(30)), now))
                .hasSize(3);
    }
}
