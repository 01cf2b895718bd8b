package dev.fxalert.core.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogues are complete and lean: every {@link Msg} is in every language, no catalogue holds a key that is
 * not a {@link Msg}, every {@link Msg} is used by some main source, every pattern parses, and each language's
 * texts are in that language.
 */
class MessageCatalogueTest {

    /** Words a Korean text may contain in Latin letters: what people type (commands' keywords) and language names. */
    private static final Set<String> LATIN_IN_KOREAN = Set.of("above", "below", "over", "under", "once", "switch",
            "to", "English", "en", "ko", "Asia", "Seoul", "sell", "buy",
            "off", // /quiet off (issue 15)
            // issue 14: the /alert keywords of percent moves and expiry
            "move", "up", "down", "for", "until");
    /** Hangul an English text may contain: the hint how to switch to Korean, written in Korean. */
    private static final Set<String> HANGUL_IN_ENGLISH = Set.of("한국어", "한국어로", "대화하기");

    private static Set<String> keys(Language language) {
        return new TreeSet<>(Messages.bundle(language).keySet());
    }

    private static Set<String> msgKeys() {
        return Arrays.stream(Msg.values()).map(Msg::key).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyIsInEveryCatalogueAndNoCatalogueHasAKeyThatIsNotAMsg(Language language) {
        assertThat(keys(language)).as("keys of the %s catalogue", language).isEqualTo(msgKeys());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPatternParses(Language language) {
        ResourceBundle bundle = Messages.bundle(language);
        for (Msg key : Msg.values()) {
            String pattern = bundle.getString(key.key());
            new MessageFormat(pattern, ULocale.forLocale(language.locale())); // throws on a broken pattern
        }
    }

    @Test
    void everyMsgIsUsedByMainCode() throws IOException {
        String sources = mainSources();
        List<String> unused = Arrays.stream(Msg.values()).map(Msg::name)
                .filter(name -> !Pattern.compile("\\b" + name + "\\b").matcher(sources).find())
                .toList();
        assertThat(unused).as("Msg constants no main source uses (delete them and their catalogue lines)").isEmpty();
    }

    @Test
    void koreanTextsHaveNoEnglishWordsBeyondTheKeywordsPeopleType() {
        ResourceBundle korean = Messages.bundle(Language.KOREAN);
        List<String> offending = new ArrayList<>();
        for (Msg key : Msg.values()) {
            String text = withoutCodeAndPlaceholders(korean.getString(key.key()));
            Matcher words = Pattern.compile("\\b[a-z]{2,}\\b", Pattern.CASE_INSENSITIVE).matcher(text);
            while (words.find()) {
                if (!LATIN_IN_KOREAN.contains(words.group()) && !words.group().matches("[A-Z]{2,}")) {
                    offending.add(key.key() + ": " + words.group());
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void englishTextsHaveNoKoreanBeyondTheHintHowToSwitch() {
        ResourceBundle english = Messages.bundle(Language.ENGLISH);
        List<String> offending = new ArrayList<>();
        for (Msg key : Msg.values()) {
            Matcher words = Pattern.compile("\\p{IsHangul}+").matcher(english.getString(key.key()));
            while (words.find()) {
                if (!HANGUL_IN_ENGLISH.contains(words.group())) {
                    offending.add(key.key() + ": " + words.group());
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void formatsPluralsSelectsAndNumbersPerLanguage() {
        Messages en = Messages.of(Language.ENGLISH);
        Messages ko = Messages.of(Language.KOREAN);

        assertThat(en.text(Msg.ALERTS_NO_SUCH_PAGE, 3, 1)).isEqualTo("There is no page 3; your alerts fill 1 page.");
        assertThat(en.text(Msg.ALERTS_NO_SUCH_PAGE, 3, 2)).isEqualTo("There is no page 3; your alerts fill 2 pages.");
        assertThat(ko.text(Msg.ALERTS_NO_SUCH_PAGE, 3, 2)).isEqualTo("3페이지는 없습니다. 알림은 2페이지까지 있습니다.");
        assertThat(en.text(Msg.FORMAT_CONDITION, "USD/KRW", "below", new BigDecimal("1400.50")))
                .isEqualTo("USD/KRW below 1,400.5");
        assertThat(ko.text(Msg.FORMAT_CONDITION, "USD/KRW", "above", new BigDecimal("1400")))
                .isEqualTo("USD/KRW 1,400 이상");
        assertThat(en.text(Msg.PAIR_INVALID, "XYZ")).isEqualTo("'XYZ' is not a currency pair. Write it as USD KRW, USD/KRW or USDKRW.");
    }

    @Test
    void numbersReadTheSameInEveryLanguageAndKeepEveryDigit() {
        assertThat(Messages.number(new BigDecimal("1400.50"))).isEqualTo("1,400.5");
        assertThat(Messages.number(new BigDecimal("0.00012345"))).isEqualTo("0.00012345");
        assertThat(Messages.number(new BigDecimal("1E+3"))).isEqualTo("1,000");
    }

    @Test
    void timesReadInTheZoneWithTheAbbreviationOfThatDateAcrossDaylightSaving() {
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");

        assertThat(Messages.time(java.time.Instant.parse("2026-07-01T16:00:00Z"), newYork)).isEqualTo("2026-07-01 12:00 EDT");
        assertThat(Messages.time(java.time.Instant.parse("2026-12-01T17:00:00Z"), newYork)).isEqualTo("2026-12-01 12:00 EST");
        assertThat(Messages.time(java.time.Instant.parse("2026-12-01T17:00:00Z"), java.time.ZoneId.of("UTC+09:00")))
                .isEqualTo("2026-12-02 02:00 UTC+09:00");
    }

    @Test
    void telegramLanguageCodesPickACatalogueAndUnknownOnesReadEnglish() {
        assertThat(Language.of("ko-KR")).isEqualTo(Language.KOREAN);
        assertThat(Language.of(" KO ")).isEqualTo(Language.KOREAN);
        assertThat(Language.of("de")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of(null)).isEqualTo(Language.ENGLISH);
        assertThat(Language.parse("fr")).isEmpty();
    }

    @Test
    void domainRefusalsCarryTheirKeySoChatShowsThemInTheReadersLanguage() {
        assertThatThrownBy(() -> CurrencyPair.of("USD", "USD"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).startsWith("A pair needs two different currencies");
                    assertThat(Messages.of(Language.KOREAN).text(e)).startsWith("통화쌍에는 서로 다른 두 통화가");
                });
    }

    /** Commands and examples are typed as they are in every language; placeholders and select keywords are code. */
    private static String withoutCodeAndPlaceholders(String pattern) {
        return pattern.replaceAll("/\\S+", " ")
                .replaceAll("\\{\\d+(, *\\w+)?", " ")
                .replaceAll("\\b\\w+ \\{", " {");
    }

    private static String mainSources() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> modules = Files.list(root)) {
            StringBuilder all = new StringBuilder();
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("Msg.java"))
                            .forEach(f -> all.append(read(f)).append('\n'));
                }
            }
            return all.toString();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
