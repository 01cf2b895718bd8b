package dev.fxalert.bot.chart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The chart font shipped inside the jar (issue 16 follow-up), so a chart, Korean included, is drawn the same on
 * every runtime and needs no font from the operating system: the AWS Lambda runtime has none.
 * <p>
 * The font is NanumSquare (regular; bold is synthesized by Java), unmodified from Debian's {@code fonts-nanum}
 * package, under the SIL Open Font License 1.1, which allows bundling it with software; its notice and licence are
 * the resource {@code fonts/NanumSquare-OFL.txt} beside it. It has every Hangul syllable, Latin and digits.
 * <p>
 * Why not only {@link GraphicsEnvironment#registerFont}: on Linux, Java's font system refuses to start at all when
 * the OS has no font ({@code Fontconfig head is null}), before any font can be registered. So, before that system
 * starts (the renderer's static initializer, the first AWT use in every runtime of ours), {@link #install} points
 * Java's font configuration ({@code sun.awt.fontconfig}, a file in Java's {@code fontconfig.properties} format) at
 * the bundled file alone: Java's logical fonts (SansSerif, Dialog, ...) become NanumSquare and no OS font is read.
 * It then registers the font as well, which is what makes it drawable where something started the font system
 * earlier (then the OS's fonts stay, and ours joins them). An operator's own {@code sun.awt.fontconfig} is kept.
 */
final class BundledFonts {

    /** The family charts are drawn in. */
    static final String FAMILY = "NanumSquare";
    static final String RESOURCE = "fonts/NanumSquareR.ttf";
    static final String PROPERTY = "sun.awt.fontconfig";
    private static final String[] LOGICAL = {"dialog", "sansserif", "serif", "monospaced", "dialoginput"};
    private static final String[] STYLES = {"plain", "bold", "italic", "bolditalic"};
    private static final Logger log = LoggerFactory.getLogger(BundledFonts.class);

    private BundledFonts() {
    }

    /**
     * Makes {@link #FAMILY} drawable in this JVM; true when it is. Call once, before anything else uses AWT fonts;
     * never throws (the renderer falls back to the OS's fonts, and says so).
     */
    static boolean install() {
        try {
            Path file = fontFile();
            // Only Linux reads this file (and only Linux may have no font at all); macOS and Windows always have fonts.
            if (System.getProperty(PROPERTY) == null && System.getProperty("os.name", "").startsWith("Linux")) {
                System.setProperty(PROPERTY, fontConfiguration(file).toString());
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font); // false when already known: fine
            return true;
        } catch (IOException | FontFormatException | RuntimeException e) {
            log.warn("The bundled chart font could not be installed, charts use the OS's fonts: {}", e.toString());
            return false;
        }
    }

    /**
     * The font as a file: the resource itself where the classes are files (the Lambda unpacks its jar into
     * {@code /var/task}), else a copy in a temporary directory (the Spring Boot jar), made once per JVM.
     */
    private static Path fontFile() throws IOException {
        URL url = BundledFonts.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("missing resource " + RESOURCE);
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        Path copy = Files.createTempDirectory("fx-alert-fonts").resolve("NanumSquareR.ttf");
        try (InputStream in = url.openStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        copy.toFile().deleteOnExit();
        copy.getParent().toFile().deleteOnExit();
        return copy;
    }

    /** A {@code fontconfig.properties} mapping every logical font and style to the bundled file, in a temp file. */
    private static Path fontConfiguration(Path font) {
        StringBuilder text = new StringBuilder("version=1\nsequence.allfonts=latin-1\n");
        for (String logical : LOGICAL) {
            for (String style : STYLES) {
                text.append(logical).append('.').append(style).append(".latin-1=").append(FAMILY).append('\n');
            }
        }
        // Backslashes (a Windows path) would be escapes in a properties file.
        text.append("filename.").append(FAMILY).append('=')
                .append(font.toAbsolutePath().toString().replace('\\', '/')).append('\n');
        try {
            Path file = Files.createTempFile("fx-alert-fontconfig", ".properties");
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
