package dev.fxalert.bot.command;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads comes from the message catalogues ({@code dev.fxalert.core.i18n.Msg}): this scans the
 * sources that build replies, buttons, the menu and pushes and fails on any string literal holding a letter,
 * except the few technical words below (command names and keywords people type, callback prefixes) and log lines.
 * A new English sentence in a reply fails here; put it in the catalogues instead (see their README).
 */
class NoHardCodedTextTest {

    private static final List<Path> SCANNED = List.of(
            Path.of("src/main/java/dev/fxalert/bot/command"),
            Path.of("src/main/java/dev/fxalert/bot/telegram"),
            Path.of("../evaluation/src/main/java/dev/fxalert/evaluation/message"));

    /**
     * Not prose: command names, words of the command syntax, callback data, catalogue selectors, metric tags
     * ({@code unknown}, {@code button}: what {@link CommandObserver} counts) and the prefixes of delivery ids.
     */
    private static final Set<String> TECHNICAL = Set.of(
            "alert", "alerts", "rate", "convert", "currencies", "pause", "resume", "delete", "help", "start", "lang",
            "above", "over", "below", "under", "once", "to", "in", "into", "threshold", "amount", "alerts:p:",
            "timezone", "UTC", "settings", "set:lang:", "set:tz:",
            "quiet", "off", "set:quiet:", // quiet hours (issue 15)
            "digest", "set:digest:", "up", "down", "same", // daily digest (issue 15)
            // issue 14: percent-move and expiry keywords people type (up, down: above), and the catalogue selector
            // of alert.move.now
            "move", "moves", "for", "until", "fires", "not",
            // issue 14: the typed twins of the push's buttons
            "snooze",
            // issue 14: guided creation's callback data (n:p:USD/KRW, n:d:above, n:t:1400, n:x)
            "n:", "p:", "d:", "t:", "x", "callback-",
            // polish14: guided creation's percent-move step (n:m:move:1) and the window a typed percent gets, as typed
            "m:", "24h",
            // metric labels (CommandObserver) and journal/log ids nobody reads as text
            "unknown", "button", "tg:", "telegram-update-", "sources",
            // charts (issue 16): the command, and the picture's file name
            "chart", "chart-", ".png",

            // see and share (issue 16): the command, Telegram's chat member statuses and update types
            "share", "inline", "restricted", "left", "kicked", "creator", "administrator", "message", "callback_query",
            "inline_query", "my_chat_member",
            // quiet hours released (issue 15, branch quiet15b): the id of the wake-up it gives delivery
            "quiet-released-");

    /** Sources whose literals nobody reads: an operator's settings, and the zone names people may type. */
    private static final Set<String> NOT_TEXT = Set.of("TelegramApiUrl.java", "ZoneInput.java", "BotSettings.java",
            "AlertLink.java"); // the copy-an-alert link's wire format (issue 16)

    @Test
    void repliesButtonsMenusAndPushesHoldNoHardCodedText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path dir : SCANNED) {
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                        && !NOT_TEXT.contains(f.getFileName().toString())).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (line.strip().startsWith("*") || line.strip().startsWith("//") || line.contains("log.")
                                || line.contains("requireNonNull(") || line.matches(".*new Illegal\\w*Exception\\(.*")) {
                            continue; // Javadoc, comments, logs and programming errors are for developers
                        }
                        for (String literal : literals(line)) {
                            String withoutEscapes = literal.replaceAll("\\\\.", "");
                            if (withoutEscapes.codePoints().anyMatch(Character::isLetter) && !isTechnical(literal)) {
                                found.add(file.getFileName() + ":" + (i + 1) + " \"" + literal + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("string literals with letters outside the message catalogues").isEmpty();
    }

    @Test
    void theScanFindsALiteralWhereThereIsOne() {
        assertThat(literals("return context.reply(\"Done, \\\"really\\\".\"); // \"comment\""))
                .containsExactly("Done, \\\"really\\\".");
        assertThat(literals("char c = '\"'; String s = \"x\";")).containsExactly("x");
    }

    /** A word of {@link #TECHNICAL}, that word as a command ({@code "/alerts "}), or a regular expression. */
    private static boolean isTechnical(String literal) {
        String word = literal.strip();
        return TECHNICAL.contains(word) || word.startsWith("/") && TECHNICAL.contains(word.substring(1))
                || literal.contains("\\\\") || literal.startsWith("[");
    }

    /** The string literals of one line of Java, as written (escapes kept); comments after // are skipped. */
    static List<String> literals(String line) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            }
            if (c == '\'') {
                int end = line.indexOf('\'', line.charAt(i + 1) == '\\' ? i + 3 : i + 2);
                i = end < 0 ? line.length() : end + 1;
                continue;
            }
            if (c == '"') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                        literal.append(line.charAt(j)).append(line.charAt(j + 1));
                        j += 2;
                    } else {
                        literal.append(line.charAt(j++));
                    }
                }
                literals.add(literal.toString());
                i = j + 1;
                continue;
            }
            i++;
        }
        return literals;
    }
}
