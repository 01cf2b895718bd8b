package dev.fxalert.bot.chart;

import dev.fxalert.bot.command.ChartSpec;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class JFreeChartRendererTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final int ARMED = 0xd9480f;
    private static final int FIRED = 0x2b8a3e;

    private static List<Rate> daily(int days) {
        List<Rate> rates = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            rates.add(new Rate(USD_KRW, new BigDecimal(1400 + (i % 7) * 3), "frankfurter",
                    NOW.minus(Duration.ofDays(days - i))));
        }
        return rates;
    }

    private static BufferedImage draw(JFreeChartRenderer renderer, List<ChartSpec.Line> lines) throws IOException {
        byte[] png = renderer.png(new ChartSpec("USD/KRW · 30 days", daily(30), lines, NOW.minus(Duration.ofDays(30)),
                NOW, ZoneId.of("Asia/Seoul"), Locale.ENGLISH));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The longest unbroken horizontal run of exactly this colour in any row. */
    private static int longestRun(BufferedImage image, int rgb) {
        int longest = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                run = (image.getRGB(x, y) & 0xffffff) == rgb ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    @Test
    void armedThresholdsAreSolidLinesAndFiredOnesDashed() throws IOException {
        JFreeChartRenderer renderer = new JFreeChartRenderer();

        BufferedImage image = draw(renderer, List.of(
                new ChartSpec.Line(new BigDecimal("1450"), "armed 1,450", ChartSpec.Style.ARMED),
                new ChartSpec.Line(new BigDecimal("1380"), "fired 1,380", ChartSpec.Style.FIRED)));

        assertThat(image.getWidth()).isEqualTo(JFreeChartRenderer.WIDTH);
        // Solid: one run across most of the plot. Dashed: present, but never longer than a dash.
        assertThat(longestRun(image, ARMED)).isGreaterThan(JFreeChartRenderer.WIDTH / 2);
        assertThat(longestRun(image, FIRED)).isBetween(10, 40);
    }

    @Test
    void withoutThresholdsNoThresholdColourIsDrawn() throws IOException {
        BufferedImage image = draw(new JFreeChartRenderer(), List.of());

        assertThat(longestRun(image, ARMED)).isZero();
        assertThat(longestRun(image, FIRED)).isZero();
    }

    @Test
    void aKoreanChartUsesTheBundledFontWithHangulWhateverTheMachineHasInstalled() {
        // The jar carries NanumSquare (BundledFonts); BundledFontsTest draws with it where the OS has no font.
        JFreeChartRenderer renderer = new JFreeChartRenderer();

        assertThat(renderer.family()).isEqualTo(BundledFonts.FAMILY);
        assertThat(renderer.showsHangul()).as(renderer.family()).isTrue();
    }

    @Test
    void drawingIsHeadless() {
        new JFreeChartRenderer(Font.SANS_SERIF);

        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void aYearOfHourlyRatesIsThinnedToTheLowAndHighOfEachPixelColumn() {
        List<Rate> hourly = new ArrayList<>();
        for (int hour = 0; hour < 365 * 24; hour++) {
            BigDecimal value = hour == 4000 ? new BigDecimal("1600") : hour == 6000 ? new BigDecimal("1200")
                    : new BigDecimal(1400 + hour % 5);
            hourly.add(new Rate(USD_KRW, value, "frankfurter", NOW.minus(Duration.ofHours(365 * 24 - hour))));
        }

        double[][] thinned = JFreeChartRenderer.thinned(hourly, 1000);

        assertThat(thinned[0].length).isLessThanOrEqualTo(2 * 1000 + 2).isGreaterThan(1000);
        assertThat(Arrays.stream(thinned[1]).max().orElseThrow()).isEqualTo(1600);
        assertThat(Arrays.stream(thinned[1]).min().orElseThrow()).isEqualTo(1200);
        for (int i = 1; i < thinned[0].length; i++) {
            assertThat(thinned[0][i]).isGreaterThan(thinned[0][i - 1]);
        }
        assertThat(JFreeChartRenderer.thinned(hourly.subList(0, 30), 1000)[0]).hasSize(30);
    }
}
