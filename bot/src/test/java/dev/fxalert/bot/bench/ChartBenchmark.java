package dev.fxalert.bot.bench;

import dev.fxalert.bot.chart.JFreeChartRenderer;
import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChartSpec;
import dev.fxalert.bot.command.Charts;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.HistoricalRates;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.RateProviders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What a chart costs, printed for docs/performance.md (not a test: speed is measured here, never asserted).
 * First the cold render (the first chart of this JVM: class loading, font lookup, JIT-less code), then warm means
 * of the renderer alone and of {@code /chart USD KRW 1y} through the chat bot over the embedded store (the range
 * read included), with the PNG sizes. A year of HOURLY rates (8,760 points) is more than any provider publishes
 * (daily ECB rates are ~255 a year), so this is the heavy case. Writes the PNGs into the folder given as the first
 * argument (default: a temporary folder) to look at. With {@code --cold-only} as the second argument it stops after
 * the cold render, so it runs on the webhook's Lambda jar (which has no embedded store).
 *
 * <p>Run it as docs/performance.md shows.
 */
public final class ChartBenchmark {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final int ROUNDS = 30;

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fx-alert-charts");
        Files.createDirectories(out);
        Instant now = Instant.now();
        List<Rate> year = hourlyYear(now);

        long coldStart = System.nanoTime();
        JFreeChartRenderer renderer = new JFreeChartRenderer();
        long fontMs = (System.nanoTime() - coldStart) / 1_000_000;
        byte[] cold = renderer.png(spec(year, now, Locale.KOREAN, "USD/KRW · 1년"));
        long coldMs = (System.nanoTime() - coldStart) / 1_000_000;
        long secondStart = System.nanoTime();
        renderer.png(spec(year, now, Locale.KOREAN, "USD/KRW · 1년"));
        long secondMs = (System.nanoTime() - secondStart) / 1_000_000;
        System.out.printf("font family: %s (Hangul: %s)%n", renderer.family(), renderer.showsHangul());
        System.out.printf("cold: first 1y render in this JVM (%d points): %d ms in all, of which %d ms finding the "
                + "font; %d KB; the second render: %d ms%n", year.size(), coldMs, fontMs, cold.length / 1024, secondMs);
        Files.write(out.resolve("chart-1y-ko.png"), cold);
        if (args.length > 1 && args[1].equals("--cold-only")) {
            return; // on the webhook's Lambda jar, which has no embedded store for the rows below
        }

        System.out.println("| chart | points | runs | mean ms | max ms | CPU ms | PNG KB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        measure("renderer, 1y hourly, Korean", year.size(), () -> renderer.png(spec(year, now, Locale.KOREAN, "USD/KRW · 1년")));
        measure("renderer, 1y hourly, English", year.size(), () -> renderer.png(spec(year, now, Locale.ENGLISH, "USD/KRW · 1 year")));
        List<Rate> daily = year.stream().filter(rate -> rate.observedAt().getEpochSecond() / 3600 % 24 == 15).toList();
        measure("renderer, 1y daily (ECB-like)", daily.size(), () -> renderer.png(spec(daily, now, Locale.ENGLISH, "USD/KRW · 1 year")));
        Files.write(out.resolve("chart-1y-en.png"), renderer.png(spec(year, now, Locale.ENGLISH, "USD/KRW · 1 year")));

        Path dir = Files.createTempDirectory("fx-alert-chart-bench");
        Clock clock = Clock.systemUTC();
        try (EmbeddedStores stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock)) {
            for (int i = 0; i < year.size(); i++) {
                stores.rateHistory().append(year.get(i), "bench-" + i);
            }
            ChatBot bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                    RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())), RateSources.none(), clock,
                    new BotSettings("", Integer.MAX_VALUE, Duration.ofMinutes(15)), CommandObserver.NONE,
                    new Charts(renderer, HistoricalRates.none()));
            bot.handle(IncomingMessage.privateText(77, "/alert USD KRW above 1500"));
            bot.handle(IncomingMessage.privateText(77, "/alert USD KRW below 1350"));
            measure("/chart USD KRW 1y via ChatBot + H2", year.size(), () ->
                    bot.handle(IncomingMessage.privateText(77, "/chart USD KRW 1y")).get(0).photo().bytes());
            OutgoingMessage reply = bot.handle(IncomingMessage.privateText(77, "/chart USD KRW 30d")).get(0);
            Files.write(out.resolve("chart-30d-en.png"), reply.photo().bytes());
            System.out.println("caption (30d): " + reply.text().replace("\n", " | "));
        }
        System.out.println("PNGs in " + out.toAbsolutePath());
    }

    private interface Render {
        byte[] png();
    }

    private static void measure(String name, int points, Render render) {
        for (int i = 0; i < 5; i++) {
            render.png();
        }
        long total = 0;
        long max = 0;
        int size = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            size = render.png().length;
            long took = System.nanoTime() - start;
            total += took;
            max = Math.max(max, took);
        }
        // CPU time of this thread: what a render costs when other processes share the cores (wall time includes
        // waiting for a core). AWT draws on the calling thread.
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %d |%n", name, points, ROUNDS,
                total / 1e6 / ROUNDS, max / 1e6, cpu / 1e6 / ROUNDS, size / 1024);
    }

    private static ChartSpec spec(List<Rate> rates, Instant now, Locale locale, String title) {
        boolean korean = locale.getLanguage().equals("ko");
        return new ChartSpec(title, rates, List.of(
                new ChartSpec.Line(new BigDecimal("1500"), korean ? "대기 1,500" : "armed 1,500", ChartSpec.Style.ARMED),
                new ChartSpec.Line(new BigDecimal("1350"), korean ? "도달 1,350" : "fired 1,350", ChartSpec.Style.FIRED),
                new ChartSpec.Line(new BigDecimal("1420"), korean ? "정지 1,420" : "paused 1,420", ChartSpec.Style.PAUSED)),
                now.minus(Duration.ofDays(365)), now, ZoneId.of("Asia/Seoul"), locale);
    }

    /** A random walk around 1,400 KRW per USD, one rate an hour for a year. */
    private static List<Rate> hourlyYear(Instant now) {
        Random random = new Random(16);
        List<Rate> rates = new ArrayList<>();
        double value = 1390;
        Instant start = now.minus(Duration.ofDays(365)).plusSeconds(60);
        for (int hour = 0; hour < 365 * 24; hour++) {
            value = Math.max(1300, Math.min(1520, value + random.nextGaussian() * 1.2));
            rates.add(new Rate(USD_KRW, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN), "frankfurter",
                    start.plus(Duration.ofHours(hour))));
        }
        return rates;
    }
}
