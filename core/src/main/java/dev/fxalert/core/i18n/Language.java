package dev.fxalert.core.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks; each has a complete message catalogue. Anything else falls back to English. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    KOREAN("ko", Locale.KOREAN);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The code stored on the user and sent to Telegram's setMyCommands, e.g. {@code ko}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** From a Telegram language code such as {@code en}, {@code ko} or {@code ko-KR}; null or unknown is English. */
    public static Language of(String code) {
        return parse(code).orElse(ENGLISH);
    }

    /** A language someone asked for by code ({@code ko}, {@code ko-KR}); empty when we do not speak it. */
    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return Arrays.stream(values()).filter(language -> language.code.equals(primary)).findFirst();
    }
}
