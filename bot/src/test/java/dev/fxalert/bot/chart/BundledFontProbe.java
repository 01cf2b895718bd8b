package dev.fxalert.bot.chart;

import dev.fxalert.bot.command.ChartSpec;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Run in a fresh JVM by {@link BundledFontsTest}: draws a Korean chart (or, with {@code --awt-only}, a Hangul
 * string with plain AWT, without the renderer) and prints what it found, one {@code key=value} a line.
 */
public final class BundledFontProbe {

    private BundledFontProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--awt-only")) {
            BufferedImage image = new BufferedImage(200, 50, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            g.drawString("한국어", 5, 30);
            System.out.println("awt=drawn");
            return;
        }
        JFreeChartRenderer renderer = new JFreeChartRenderer();
        CurrencyPair pair = CurrencyPair.of("USD", "KRW");
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        List<Rate> rates = new ArrayList<>();
        for (int day = 30; day > 0; day--) {
            rates.add(new Rate(pair, new BigDecimal(1400 + day % 7), "frankfurter", now.minus(Duration.ofDays(day))));
        }
        byte[] png = renderer.png(new ChartSpec("USD/KRW · 30일", rates,
                List.of(new ChartSpec.Line(new BigDecimal("1450"), "대기 1,450", ChartSpec.Style.ARMED)),
                now.minus(Duration.ofDays(30)), now, ZoneId.of("Asia/Seoul"), Locale.KOREAN));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (System.getProperty("probe.png") != null) { // to look at it: -Dprobe.png=/tmp/chart.png
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("probe.png")), png);
        }
        System.out.println("headless=" + GraphicsEnvironment.isHeadless());
        System.out.println("family=" + renderer.family());
        System.out.println("hangul=" + renderer.showsHangul());
        System.out.println("sansSerifHangul="
                + (new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo(JFreeChartRenderer.HANGUL_SAMPLE) == -1));
        System.out.println("families=" + String.join(",", Arrays.stream(GraphicsEnvironment
                .getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)).sorted().toList()));
        System.out.println("png=" + image.getWidth() + "x" + image.getHeight());
        System.out.println("hangulInk=" + ink(renderer.family(), "대기 도달"));
        System.out.println("boxInk=" + ink(renderer.family(), "\uE000\uE001 \uE002\uE003")); // no glyphs: boxes
    }

    /** Dark pixels of {@code text} drawn in {@code family}: Hangul glyphs differ from the boxes of missing ones. */
    private static int ink(String family, String text) {
        BufferedImage image = new BufferedImage(300, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 60);
        g.setColor(Color.BLACK);
        g.setFont(new Font(family, Font.PLAIN, 30));
        g.drawString(text, 5, 40);
        g.dispose();
        int dark = 0;
        for (int x = 0; x < 300; x++) {
            for (int y = 0; y < 60; y++) {
                dark += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        return dark;
    }
}
