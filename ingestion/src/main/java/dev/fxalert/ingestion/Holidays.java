package dev.fxalert.ingestion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Weekdays on which a publisher publishes no table (issue 17), so the {@link PublicationSchedule} skips them as it
 * skips weekends and no call is spent on them. Wrongly calling a working day a holiday would delay a table by a
 * day, so only sure holidays are here; a holiday we do not know costs a few calls, as before.
 */
public interface Holidays {

    /** True when no table is published on {@code day} (a date in the publisher's zone) although it is a weekday. */
    boolean isHoliday(LocalDate day);

    /** A publisher without holidays. */
    Holidays NONE = day -> false;

    /**
     * The TARGET2 closing days, on which the ECB publishes no reference rates: New Year's Day, Good Friday, Easter
     * Monday, 1 May, 25 and 26 December. A fixed rule, computed for any year.
     */
    Holidays TARGET = day -> {
        Set<MonthDay> fixed = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));
        LocalDate easter = easterSunday(day.getYear());
        return fixed.contains(MonthDay.from(day)) || day.equals(easter.minusDays(2)) || day.equals(easter.plusDays(1));
    };

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }

    /** Korean public holidays (Korea Eximbank publishes no table on them), from the shipped, dated list. */
    static Shipped korea() {
        return Shipped.KOREA;
    }

    /**
     * Holidays from a shipped list ({@code korean-public-holidays.txt}): lunar holidays, substitute holidays and
     * election days follow no rule a library on Maven Central keeps for Korea, so the dates are listed up to
     * {@link #coveredThrough()}. After that only weekends are skipped.
     */
    final class Shipped implements Holidays {

        static final Shipped KOREA = read("korean-public-holidays.txt");

        private final Map<LocalDate, String> days;
        private final LocalDate coveredThrough;

        Shipped(Map<LocalDate, String> days, LocalDate coveredThrough) {
            this.days = Map.copyOf(days);
            this.coveredThrough = Objects.requireNonNull(coveredThrough, "coveredThrough");
        }

        @Override
        public boolean isHoliday(LocalDate day) {
            return days.containsKey(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        /** The last day the list is complete for. */
        public LocalDate coveredThrough() {
            return coveredThrough;
        }

        /** Every listed day with its name, weekends included, in date order. */
        public Map<LocalDate, String> listed() {
            return new TreeMap<>(days);
        }

        static Shipped read(String resource) {
            try (InputStream in = Holidays.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                Map<LocalDate, String> days = new TreeMap<>();
                LocalDate coveredThrough = null;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    String[] parts = text.split("\\s+", 2);
                    if (parts[0].equals("covered-through")) {
                        coveredThrough = LocalDate.parse(parts[1]);
                    } else {
                        days.put(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : "");
                    }
                }
                return new Shipped(days, coveredThrough);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
