package dev.fxalert.core.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.fxalert.core.domain.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a person reads (replies, refusals, pushes, buttons, the command menu) in their language, from the
 * catalogues {@code dev/fxalert/core/i18n/messages.properties} (English, the root) and {@code messages_ko.properties}.
 * Patterns are ICU {@code MessageFormat}: {@code {0, plural, one {# page} other {# pages}}} and
 * {@code {0, select, above {...} other {...}}}; a literal apostrophe before a brace is written twice
 * ({@code ''{0}''}). {@link BigDecimal} arguments are written by {@link #number}, so replies and pushes show
 * numbers alike. Thread-safe; framework-free, so the bot and evaluation both use it.
 */
public final class Messages {

    static final String BUNDLE = "dev.fxalert.core.i18n.messages";
    private static final Map<Language, Messages> ALL = new EnumMap<>(Language.class);
    /** Abbreviations are the tz database's (KST, CET, EST), the same in every language. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.ENGLISH);

    static {
        for (Language language : Language.values()) {
            ALL.put(language, new Messages(language, bundle(language)));
        }
    }

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static Messages of(Language language) {
        return ALL.get(language);
    }

    /** For a language code as Telegram sends it or the user store holds it; unknown codes read English. */
    public static Messages forCode(String languageCode) {
        return of(Language.of(languageCode));
    }

    /**
     * The catalogue of one language alone, without falling back to the JVM's default locale (a server running
     * in Korean must still answer English users in English) nor to the root for Korean (the tests check that
     * each catalogue is complete by itself).
     */
    static ResourceBundle bundle(Language language) {
        Locale locale = language == Language.ENGLISH ? Locale.ROOT : language.locale();
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Language language() {
        return language;
    }

    /** The text of {@code key} with its arguments filled in. */
    public String text(Msg key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key.key());
        } catch (MissingResourceException e) {
            // The catalogue tests make this unreachable in a build; a missing text must still not lose the reply.
            pattern = of(Language.ENGLISH).bundle.getString(key.key());
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof BigDecimal decimal ? number(decimal) : args[i];
        }
        // ICU's MessageFormat is not thread-safe, so one per call (parsing a short pattern is microseconds).
        return new MessageFormat(pattern, ULocale.forLocale(language.locale())).format(values);
    }

    /** A refusal in this language: its catalogue text when it has a key, else its message as thrown. */
    public String text(InvalidInputException refusal) {
        return refusal.key() == null ? refusal.getMessage() : text(refusal.key(), refusal.args());
    }

    /**
     * The one way times read in chat and pushes: {@code 2026-11-25 13:40 KST}, in the reader's zone with the
     * zone's abbreviation from the time-zone database ({@code UTC+09:00} for a bare offset).
     */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.withZone(zone).format(instant);
    }

    /**
     * A time seconds or minutes away, where the date goes without saying and the minute alone would be too coarse
     * (when a rate-limited chat is heard again): {@code 09:01:20 KST}, zoned as {@link #time}.
     */
    public static String timeOfDay(Instant instant, ZoneId zone) {
        return TIME_OF_DAY.withZone(zone).format(instant);
    }

    /**
     * The one way numbers read in chat and pushes: {@code 1400.5} reads {@code 1,400.5}; up to 8 decimals, never
     * scientific notation, every digit exact (English and Korean group digits alike).
     */
    public static String number(BigDecimal value) {
        // DecimalFormat is not thread-safe, so one per call; formatting a BigDecimal keeps every digit exact.
        DecimalFormat format = new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    /**
     * A percent move's window in the reader's words (issue 15, branch quiet15b): {@code 24h} / {@code 24시간},
     * {@code 7d} / {@code 7일}; whether it is days or hours is {@link dev.fxalert.core.domain.Move#label()}'s rule.
     */
    public String window(dev.fxalert.core.domain.Move move) {
        String label = move.label();
        long count = Long.parseLong(label.substring(0, label.length() - 1));
        return text(label.endsWith("d") ? Msg.FORMAT_WINDOW_DAYS : Msg.FORMAT_WINDOW_HOURS, count);
    }

    /**
     * Issue 14: a move in percent as chat and pushes say it: {@code +1.2}, {@code -0.53}, {@code 0}; the sign always
     * shows, at most two decimals, grouped like {@link #number}.
     */
    public static String signedPercent(BigDecimal percent) {
        BigDecimal rounded = percent.setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() > 0 ? "+" : "") + number(rounded);
    }
}
