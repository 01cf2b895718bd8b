package dev.fxalert.bot.app;

import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import org.springframework.context.annotation.Primary;
import java.util.List;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.RateLookup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app with a token, against a fake Bot API: menu published, commands answered over long polling, pushes
 * through the same client, and the seams ingestion plugs into (RateLookup, IngestionTrigger) honoured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TelegramModeApplicationTest {

    static final FakeBotApi API = new FakeBotApi();
    static final AtomicInteger INGESTION_RUNS = new AtomicInteger();
    private static final long CHAT = 777000L;

    @DynamicPropertySource
    static void fakeTelegram(DynamicPropertyRegistry registry) {
        registry.add("TELEGRAM_BOT_TOKEN", () -> FakeBotApi.TOKEN);
        registry.add("TELEGRAM_API_URL", API::baseUrl);
        registry.add("FX_ALERT_DB_PATH", () -> TempDatabase.newPath("fx-alert-telegram"));
        registry.add("INGESTION_INTERVAL", () -> "PT1H");
    }

    @TestConfiguration
    static class IngestionStandIn {
        @Bean
        @Primary
        RateLookup fixedRateLookup() {
            return pair -> Optional.of(new Rate(pair, new BigDecimal("1388"), "open-er-api", Instant.now()));
        }

        @Bean
        @Primary
        IngestionTrigger countingIngestion() {
            return () -> {
                INGESTION_RUNS.incrementAndGet();
                return new IngestionReport(Instant.now(), Instant.now(), List.of(), 0, 0);
            };
        }
    }

    @AfterAll
    static void stopFakeTelegram() throws IOException {
        API.close();
    }

    @Autowired
    Notifier notifier;

    @Test
    void answersCommandsOverLongPolling() {
        API.userSends(CHAT, "Mina", "/start");
        API.userSends(CHAT, "Mina", "/rate USD KRW");

        await().atMost(Duration.ofSeconds(30)).until(() -> API.sentTexts(CHAT).size() >= 2);

        assertThat(API.sentTexts(CHAT).get(0)).startsWith("Hi Mina!");
        assertThat(API.sentTexts(CHAT).get(1)).isEqualTo("1 USD = 1,388 KRW (open-er-api, daily, just now)");
        // English default and Korean, each for private chats, group members and group administrators (issue 16)
        assertThat(API.calls("setMyCommands")).hasSize(6);
    }

    @Test
    void pushesGoThroughTheSameTelegramClient() {
        assertThat(notifier).isInstanceOf(TelegramNotifier.class);

        notifier.send(OutgoingMessage.text(CHAT + 1, "USD/KRW reached 1,401"));

        assertThat(API.sentTexts(CHAT + 1)).containsExactly("USD/KRW reached 1,401");
    }

    @Test
    void runsIngestionOnceRightAfterStart() {
        await().atMost(Duration.ofSeconds(30)).until(() -> INGESTION_RUNS.get() >= 1);
    }
}
