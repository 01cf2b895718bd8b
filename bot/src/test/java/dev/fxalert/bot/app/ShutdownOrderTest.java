package dev.fxalert.bot.app;

import dev.fxalert.bot.FxAlertApplication;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop under load, in the order the app promises: stop taking updates, finish the commands already taken
 * (within the grace), acknowledge them to Telegram, and only then close the store.
 */
class ShutdownOrderTest {

    private static final long CHAT = 31337L;
    /** Only a bound for waiting on the app's threads; nothing here is about speed. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    static final CountDownLatch LOOKUP_ENTERED = new CountDownLatch(1);
    static final CountDownLatch LOOKUP_RELEASE = new CountDownLatch(1);
    static final CountDownLatch STOP_BEGAN = new CountDownLatch(1);

    @TempDir
    Path dir;
    private final FakeBotApi api = new FakeBotApi();

    /** The on-demand rate lookup of the first command is still running when the stop begins. */
    @Configuration(proxyBeanMethods = false)
    static class SlowLookup {
        @Bean
        @Primary
        RateLookup slowLookup() {
            return pair -> {
                LOOKUP_ENTERED.countDown();
                try {
                    LOOKUP_RELEASE.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(new Rate(pair, new BigDecimal("1388"), "open-er-api", Instant.now()));
            };
        }

        @Bean
        ApplicationListener<ContextClosedEvent> stopBegan() {
            return event -> STOP_BEGAN.countDown();
        }
    }

    @AfterEach
    void stopFakeTelegram() throws IOException {
        api.close();
    }

    @Test
    void aStopFinishesTheCommandsTakenAcknowledgesThemAndClosesTheStoreLast() throws Exception {
        Path db = dir.resolve("fx-alert.db");
        api.userSends(CHAT, "Mina", "/alert USD KRW above 1400");
        api.userSends(CHAT, "Mina", "/alerts");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(FxAlertApplication.class, SlowLookup.class)
                .web(WebApplicationType.NONE)
                .properties("TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN, "TELEGRAM_API_URL=" + api.baseUrl(),
                        "INGESTION_RUN_AT_START=false", "INGESTION_INTERVAL=PT1H",
                        // a first alert backfills its pair in the background: on loopback, never a real host
                        "FRANKFURTER_BASE_URL=http://127.0.0.1:9")
                // An argument, not a default property: the test config's temporary database path would win over it.
                .run("--FX_ALERT_DB_PATH=" + db);
        assertThat(LOOKUP_ENTERED.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Thread stop = new Thread(app::close, "test-stop");
        stop.start();
        assertThat(STOP_BEGAN.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        LOOKUP_RELEASE.countDown();
        stop.join(PATIENCE.toMillis());

        assertThat(stop.isAlive()).isFalse();
        assertThat(api.sentTexts(CHAT)).hasSize(2);
        assertThat(api.sentTexts(CHAT).get(0)).startsWith("Alert ");
        assertThat(api.sentTexts(CHAT).get(1)).doesNotContain("Sorry").contains("USD/KRW above 1,400");
        assertThat(api.unconfirmedUpdateIds()).as("both acknowledged at the stop").isEmpty();
        Path trace = dir.resolve("fx-alert.db.trace.db");
        assertThat(Files.exists(trace)).as("H2 trace file: %s", Files.exists(trace) ? Files.readString(trace) : "")
                .isFalse();
        try (EmbeddedStores reopened = EmbeddedStores.open(new EmbeddedStoreConfig(db, 50), Clock.systemUTC())) {
            assertThat(reopened.users().findByChatId(CHAT)
                    .map(user -> reopened.alerts().listByOwner(user.id()).size())).contains(1);
        }
    }
}
