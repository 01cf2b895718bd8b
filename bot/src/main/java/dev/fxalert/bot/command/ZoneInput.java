package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The argument of /timezone: an IANA id ({@code Asia/Seoul}, any case), a city of the time-zone database
 * ({@code Seoul}, {@code new york}), a few Korean city names ({@code 서울}), an unambiguous abbreviation
 * ({@code KST}) or a UTC offset ({@code UTC+9}, {@code +09:00}, {@code GMT-5:30}). Answers the id to store: the IANA id, or {@code UTC+09:00} for an offset.
 */
final class ZoneInput {

    private static final Pattern OFFSET = Pattern.compile("(?i)(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?");
    /** Regions of the database whose last segment is a city people know; Etc/ and old aliases are left out. */
    private static final Pattern CITY_REGIONS =
            Pattern.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+");
    private static final Map<String, String> KOREAN_NAMES = Map.of(
            "서울", "Asia/Seoul", "부산", "Asia/Seoul", "한국", "Asia/Seoul", "도쿄", "Asia/Tokyo",
            "베이징", "Asia/Shanghai", "뉴욕", "America/New_York", "런던", "Europe/London", "파리", "Europe/Paris",
            "시드니", "Australia/Sydney", "로스앤젤레스", "America/Los_Angeles");

    /**
     * Abbreviations our replies print ("20:00 KST") that one zone owns, so a user can type back what they read.
     * Ambiguous ones (CST: China, Central, Cuba; IST; BST) stay refused. EST and PST mean the cities' zones with
     * their summer time, not the tz database's fixed-offset EST.
     */
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "KST", "Asia/Seoul", "JST", "Asia/Tokyo", "HKT", "Asia/Hong_Kong", "SGT", "Asia/Singapore",
            "EST", "America/New_York", "EDT", "America/New_York", "PST", "America/Los_Angeles",
            "PDT", "America/Los_Angeles");

    /** The zones /settings offers as buttons; any other is a /timezone away. */
    static final java.util.List<String> QUICK_CHOICES = java.util.List.of("Asia/Seoul", "UTC");

    private ZoneInput() {
    }

    static String parse(String typed) {
        String text = typed.strip();
        return offset(text).or(() -> Optional.ofNullable(ABBREVIATIONS.get(text.toUpperCase(Locale.ROOT))))
                .or(() -> ianaId(text)).or(() -> city(text))
                .orElseThrow(() -> new InvalidInputException(Msg.TIMEZONE_UNKNOWN, NumberInput.abbreviate(text)));
    }

    private static Optional<String> offset(String text) {
        if (text.equalsIgnoreCase("utc") || text.equalsIgnoreCase("gmt") || text.equalsIgnoreCase("z")) {
            return Optional.of("UTC");
        }
        Matcher m = OFFSET.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        try {
            int sign = m.group(1).equals("-") ? -1 : 1;
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            return Optional.of(offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId());
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static Optional<String> ianaId(String text) {
        return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(text)).findFirst();
    }

    private static Optional<String> city(String text) {
        String korean = KOREAN_NAMES.get(text);
        if (korean != null) {
            return Optional.of(korean);
        }
        String wanted = text.replace(' ', '_').toLowerCase(Locale.ROOT);
        return new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                .filter(id -> CITY_REGIONS.matcher(id).matches())
                .filter(id -> id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
