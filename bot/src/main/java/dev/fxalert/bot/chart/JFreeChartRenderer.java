package dev.fxalert.bot.chart;

import dev.fxalert.bot.command.ChartRenderer;
import dev.fxalert.bot.command.ChartSpec;
import dev.fxalert.core.domain.Rate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Draws /chart's PNG with JFreeChart, headless: 1080×900 pixels (Telegram shows a photo the width of the screen,
 * so this reads at phone size), large type, the rate as one thick line, each threshold as a labelled horizontal
 * line (armed solid, fired dashed, paused dotted), dates in the reader's zone as numbers ({@code 11-24}, or
 * {@code 2026-03} for a year) so no month names need translating.
 * <p>
 * Korean labels need a font with Hangul: the jar carries one, NanumSquare ({@link BundledFonts}), which on Linux
 * is the only font Java reads, so every runtime (the Lambda has no OS font) draws the same. Should it not load,
 * Java draws with the fonts the OS has: the first family of {@link #PREFERRED_FAMILIES} that is installed, else any
 * installed family that can show Hangul, else the logical {@code SansSerif} (boxes instead of Hangul; logged once
 * as a warning). See docs/performance.md.
 * Thread-safe: every call builds its own chart.
 */
public final class JFreeChartRenderer implements ChartRenderer {

    static {
        // AWT must never look for a display: the Lambda has none, and Spring Boot sets it only for its own app.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // Before anything draws: the font inside the jar, so charts need no OS font (the Lambda has none).
        BundledFonts.install();
    }

    public static final int WIDTH = 1080;
    public static final int HEIGHT = 900;
    /** Families known to hold Hangul, best first (Debian/Ubuntu fonts-nanum, fonts-noto-cjk; Windows; macOS). */
    static final List<String> PREFERRED_FAMILIES = List.of(BundledFonts.FAMILY, "NanumGothic", "Noto Sans CJK KR", "Noto Sans KR",
            "Source Han Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", "UnDotum", "Baekmuk Gulim");
    static final String HANGUL_SAMPLE = "한국어 차트 대기 도달 정지 일년";
    private static final Logger log = LoggerFactory.getLogger(JFreeChartRenderer.class);

    private static final Color RATE = new Color(0x1f, 0x4e, 0x79);
    private static final Color ARMED = new Color(0xd9, 0x48, 0x0f);
    private static final Color FIRED = new Color(0x2b, 0x8a, 0x3e);
    private static final Color PAUSED = new Color(0x86, 0x8e, 0x96);
    private static final Color GRID = new Color(0xde, 0xe2, 0xe6);

    private final String family;

    /** With the best installed family for Hangul (looked up once per instance). */
    public JFreeChartRenderer() {
        this(hangulFamily());
    }

    JFreeChartRenderer(String family) {
        this.family = family;
    }

    /** The font family charts are drawn in. */
    public String family() {
        return family;
    }

    /** Whether this renderer's font shows Hangul, i.e. Korean charts read. */
    public boolean showsHangul() {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(HANGUL_SAMPLE) == -1;
    }

    /**
     * @throws IllegalStateException when this machine cannot draw text at all (no font installed: AWT then throws
     *                               an {@link Error}); the chat answers with its usual apology instead of the
     *                               update failing (a webhook would be redelivered again and again)
     */
    @Override
    public byte[] png(ChartSpec spec) {
        try {
            return draw(spec);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw new IllegalStateException("cannot draw a chart here (are fonts installed?): " + e, e);
        }
    }

    private byte[] draw(ChartSpec spec) {
        Font title = new Font(family, Font.BOLD, 44);
        Font ticks = new Font(family, Font.PLAIN, 30);
        Font labels = new Font(family, Font.BOLD, 30);

        double[][] series = thinned(spec.rates(), WIDTH);
        double[] x = series[0];
        double[] y = series[1];
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("rate", new double[][]{x, y});

        TimeZone zone = TimeZone.getTimeZone(spec.zone());
        DateAxis time = new DateAxis(null, zone, spec.locale());
        time.setRange(spec.from().toEpochMilli(), spec.to().toEpochMilli());
        SimpleDateFormat dates = new SimpleDateFormat(
                Duration.between(spec.from(), spec.to()).toDays() > 120 ? "yyyy-MM" : "MM-dd", spec.locale());
        dates.setTimeZone(zone);
        time.setDateFormatOverride(dates);
        time.setTickLabelFont(ticks);
        time.setLowerMargin(0);
        time.setUpperMargin(0);

        NumberAxis value = new NumberAxis(null);
        value.setAutoRangeIncludesZero(false);
        value.setNumberFormatOverride(new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.US)));
        value.setTickLabelFont(ticks);
        double[] range = range(y, spec.lines());
        value.setRange(range[0], range[1]);

        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, x.length == 1);
        line.setSeriesPaint(0, RATE);
        line.setSeriesStroke(0, new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // One path instead of a segment per pair of points: a year of hourly rates draws several times faster.
        line.setDrawSeriesLineAsPath(true);

        XYPlot plot = new XYPlot(data, time, value, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (ChartSpec.Line threshold : spec.lines()) {
            // In front of the rate line, so a label crossing it stays readable.
            plot.addRangeMarker(marker(threshold, labels), Layer.FOREGROUND);
        }

        JFreeChart chart = new JFreeChart(null, title, plot, false);
        chart.setTitle(new TextTitle(spec.title(), title));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(16, 16, 24, 40));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);

        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return png.toByteArray();
    }

    private static ValueMarker marker(ChartSpec.Line threshold, Font font) {
        Color color = switch (threshold.style()) {
            case ARMED -> ARMED;
            case FIRED -> FIRED;
            case PAUSED -> PAUSED;
        };
        Stroke stroke = switch (threshold.style()) {
            case ARMED -> new BasicStroke(4f);
            case FIRED -> new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{22f, 12f}, 0f);
            case PAUSED -> new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{2f, 12f}, 0f);
        };
        ValueMarker marker = new ValueMarker(threshold.value().doubleValue(), color, stroke);
        marker.setLabel(threshold.label());
        marker.setLabelFont(font);
        marker.setLabelPaint(color);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        marker.setLabelOffset(new RectangleInsets(6, 12, 6, 12));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        return marker;
    }

    /**
     * The rates as x (epoch millis) and y arrays, at most about two points per pixel column: past that, each of
     * {@code columns} time buckets keeps only its lowest and highest rate, in time order. The line looks the same
     * (every peak and trough stays) and a year of hourly rates draws as fast as a year of daily ones.
     */
    static double[][] thinned(List<Rate> rates, int columns) {
        int n = rates.size();
        if (n <= 2 * columns) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rates.get(i).observedAt().toEpochMilli();
                y[i] = rates.get(i).value().doubleValue();
            }
            return new double[][]{x, y};
        }
        double first = rates.get(0).observedAt().toEpochMilli();
        double span = Math.max(1, rates.get(n - 1).observedAt().toEpochMilli() - first);
        double[] x = new double[2 * columns + 2];
        double[] y = new double[2 * columns + 2];
        int out = 0;
        int i = 0;
        while (i < n) {
            int bucket = (int) Math.min(columns - 1, (rates.get(i).observedAt().toEpochMilli() - first) / span * columns);
            int low = i;
            int high = i;
            int j = i + 1;
            while (j < n && (int) Math.min(columns - 1,
                    (rates.get(j).observedAt().toEpochMilli() - first) / span * columns) == bucket) {
                if (rates.get(j).value().compareTo(rates.get(low).value()) < 0) {
                    low = j;
                }
                if (rates.get(j).value().compareTo(rates.get(high).value()) > 0) {
                    high = j;
                }
                j++;
            }
            int a = Math.min(low, high);
            int b = Math.max(low, high);
            x[out] = rates.get(a).observedAt().toEpochMilli();
            y[out++] = rates.get(a).value().doubleValue();
            if (b != a) {
                x[out] = rates.get(b).observedAt().toEpochMilli();
                y[out++] = rates.get(b).value().doubleValue();
            }
            i = j;
        }
        return new double[][]{Arrays.copyOf(x, out), Arrays.copyOf(y, out)};
    }

    /** The rates and every threshold in view, with a margin so no line sits on the frame. */
    static double[] range(double[] values, List<ChartSpec.Line> lines) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        for (ChartSpec.Line line : lines) {
            double v = line.value().doubleValue();
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        double span = high - low;
        double margin = span > 0 ? span * 0.08 : Math.max(Math.abs(high) * 0.01, 1e-6);
        return new double[]{low - margin, high + margin * 1.6}; // more room on top for the threshold labels
    }

    /**
     * The best installed family for Hangul, else {@code SansSerif}. Asking for each preferred family by name first
     * (Java answers a missing one with its Dialog font) spares listing every installed font, which costs seconds
     * on a cold start.
     */
    static String hangulFamily() {
        for (String family : PREFERRED_FAMILIES) {
            Font font = new Font(family, Font.PLAIN, 12);
            if (font.getFamily(Locale.ROOT).equals(family) && font.canDisplayUpTo(HANGUL_SAMPLE) == -1) {
                return family;
            }
        }
        return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT))
                .filter(family -> new Font(family, Font.PLAIN, 12).canDisplayUpTo(HANGUL_SAMPLE) == -1)
                .findFirst()
                .orElseGet(() -> {
                    log.warn("No installed font shows Hangul: Korean charts will show boxes. Install one, e.g. the "
                            + "fonts-nanum package (see docs/performance.md).");
                    return Font.SANS_SERIF;
                });
    }
}
