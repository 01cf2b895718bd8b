package dev.fxalert.evaluation.message;

import java.util.Locale;

/** The languages pushes are written in; anything else falls back to English. */
public enum Language {
    ENGLISH,
    KOREAN;

    /** From a Telegram language code such as {@code en}, {@code ko} or {@code ko-KR}; null or unknown is English. */
    public static Language of(String code) {
        if (code == null) {
            return ENGLISH;
        }
        String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return "ko".equals(primary) ? KOREAN : ENGLISH;
    }
}
