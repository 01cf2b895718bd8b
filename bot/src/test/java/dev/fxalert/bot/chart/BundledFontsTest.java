package dev.fxalert.bot.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Charts on a runtime without fonts (issue 16 follow-up: the Lambda has none): a fresh headless JVM draws a Korean
 * chart with the font inside the jar alone. Each case runs {@link BundledFontProbe} in its own JVM, because Java's
 * font system starts once per JVM.
 */
class BundledFontsTest {

    private static final String ONLY_BUNDLED = "Dialog,DialogInput,Monospaced,NanumSquare,SansSerif,Serif";

    @TempDir
    Path dir;

    /**
     * Fontconfig (which Java asks for the OS's fonts on Linux) finding no font, as where none is installed: Java's
     * font system then starts from the bundled configuration, and the chart is drawn with the bundled font.
     */
    @Test
    void aFreshHeadlessJvmWhoseFontconfigFindsNoFontDrawsAKoreanChartWithTheBundledFontOnly() throws Exception {
        Path empty = Files.writeString(dir.resolve("fonts.conf"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig><cachedir>" + dir.resolve("cache")
                + "</cachedir></fontconfig>\n");

        Map<String, String> found = parse(run(java(List.of()), Map.of("FONTCONFIG_FILE", empty.toString())));

        assertThat(found).containsEntry("headless", "true").containsEntry("family", "NanumSquare")
                .containsEntry("hangul", "true").containsEntry("sansSerifHangul", "true")
                .containsEntry("png", JFreeChartRenderer.WIDTH + "x" + JFreeChartRenderer.HEIGHT);
        // Java sees no font but the bundled one: whatever this machine has installed was not read.
        assertThat(found).containsEntry("families", ONLY_BUNDLED);
        assertThat(found.get("hangulInk")).isNotEqualTo(found.get("boxInk")); // glyphs, not boxes
    }

    /**
     * The Lambda's situation made here: the OS's fonts hidden (an empty /usr/share/fonts in a private mount
     * namespace) and fontconfig's library unloadable. Plain AWT cannot draw a letter there; the renderer can.
     * Needs root and {@code unshare} (this machine and CI have both); skipped elsewhere.
     */
    @Test
    void withNoFontOnTheMachineAtAllPlainAwtFailsAndTheChartIsStillDrawnInKorean() throws Exception {
        assumeTrue(canHideFonts(), "needs root and unshare(1) to hide the OS's fonts");

        String plain = String.join("\n", run(withoutOsFonts(java(List.of("--awt-only")))));
        Map<String, String> found = parse(run(withoutOsFonts(java(List.of()))));

        assertThat(plain).contains("Fontconfig head is null").doesNotContain("awt=drawn");
        assertThat(found).containsEntry("family", "NanumSquare").containsEntry("hangul", "true")
                .containsEntry("families", ONLY_BUNDLED)
                .containsEntry("png", JFreeChartRenderer.WIDTH + "x" + JFreeChartRenderer.HEIGHT);
    }

    private static List<String> java(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                BundledFontProbe.class.getName()));
        if (System.getProperty("probe.png") != null) { // mvn ... -Dprobe.png=/tmp/chart.png to look at the chart
            command.add(2, "-Dprobe.png=" + System.getProperty("probe.png"));
        }
        command.addAll(args);
        return command;
    }

    /** The command in a private mount namespace where /usr/share/fonts is empty and libfontconfig cannot load. */
    private static List<String> withoutOsFonts(List<String> command) {
        StringBuilder script = new StringBuilder("mount -t tmpfs none /usr/share/fonts");
        for (String lib : List.of("/usr/lib/x86_64-linux-gnu/libfontconfig.so.1", "/usr/lib64/libfontconfig.so.1",
                "/usr/lib/aarch64-linux-gnu/libfontconfig.so.1")) {
            if (Files.exists(Path.of(lib))) {
                script.append(" && mount --bind /dev/null ").append(lib);
            }
        }
        script.append(" && exec \"$@\"");
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", script.toString(), "probe"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean canHideFonts() {
        if (!Files.isDirectory(Path.of("/usr/share/fonts"))) {
            return false;
        }
        try {
            return run(List.of("unshare", "-m", "sh", "-c", "mount -t tmpfs none /usr/share/fonts && echo hidden"))
                    .contains("hidden");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return false;
        }
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    private static List<String> run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // A guard against a hung child, not a timing assertion: a probe takes a few seconds.
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("probe did not finish: " + command);
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    private static Map<String, String> parse(List<String> lines) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).chars().allMatch(Character::isLetter)) {
                found.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(found).as(String.join("\n", lines)).containsKey("family");
        return found;
    }
}
