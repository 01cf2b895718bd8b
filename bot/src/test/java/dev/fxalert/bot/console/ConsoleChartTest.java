package dev.fxalert.bot.console;

import dev.fxalert.bot.chart.JFreeChartRenderer;
import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.Charts;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.HistoricalRates;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.RateProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** charts (issue 16) in the console chat: the PNG is saved under the data folder and its path printed. */
class ConsoleChartTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;
    private EmbeddedStores stores;
    private ChatBot bot;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
        for (int day = 1; day <= 6; day++) {
            stores.rateHistory().append(new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("138" + day),
                    "frankfurter", NOW.minus(Duration.ofDays(day))), "e" + day);
        }
        bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())), RateSources.none(), clock,
                BotSettings.defaults(), CommandObserver.NONE, new Charts(new JFreeChartRenderer(), HistoricalRates.none()));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void chartIsSavedUnderTheDataFolderAndItsPathPrintedAboveTheCaption() throws Exception {
        ConsoleNotifier notifier = new ConsoleNotifier(new PrintStream(printed, true, StandardCharsets.UTF_8),
                dir.resolve("charts"));
        ConsoleChat chat = new ConsoleChat(bot, new ByteArrayInputStream(
                "/alert USD KRW above 1400\n/alerts\n/chart USD KRW 7d\n".getBytes(StandardCharsets.UTF_8)),
                notifier, List.of(), () -> { });
        chat.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !chat.isReading());

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("[📈 USD/KRW: /chart USD KRW 30d]")
                .contains("bot> USD/KRW, 7 days\nbot> Latest: 1,381 (frankfurter, 2026-11-24 09:00 UTC)\n")
                .contains("[30d: /chart USD KRW 30d] [90d: /chart USD KRW 90d] [1y: /chart USD KRW 1y]");
        Matcher saved = Pattern.compile("bot> \\[(.+\\.png)]\n").matcher(output);
        assertThat(saved.find()).as(output).isTrue();
        Path file = Path.of(saved.group(1));
        assertThat(file).startsWith(dir.resolve("charts").toAbsolutePath()).exists();
        assertThat(file.getFileName().toString()).startsWith("chart-USDKRW-7d-");
        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
    }
}
