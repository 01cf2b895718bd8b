package dev.fxalert.ingestion;

import dev.fxalert.ingestion.provider.CurrencyApiProvider;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import dev.fxalert.ingestion.provider.KoreaEximProvider;
import dev.fxalert.ingestion.provider.OpenErApiProvider;
import dev.fxalert.ingestion.provider.OpenExchangeRatesProvider;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a provider publishes: given the observation time of the table we have, when a newer one can first exist.
 * Ingestion asks a provider for a pair only from then on (see {@link IngestionService}), so a provider that
 * publishes once a day is asked about once a day instead of every run, and a new table is still read by the first
 * run after it appears: no crossing waits longer than it would have.
 * <ul>
 *   <li>Frankfurter/ECB: 16:00 Europe/Berlin on TARGET working days ({@link Holidays#TARGET});</li>
 *   <li>Korea Eximbank: 11:00 Asia/Seoul on Korean business days ({@link Holidays#korea()}, a shipped list);</li>
 *   <li>Open Exchange Rates: hourly;</li>
 *   <li>open.er-api: daily; its answers say {@code time_next_update_unix} = last update + about 24 h 8 min;</li>
 *   <li>currency-api: daily, dated 00:00 UTC.</li>
 * </ul>
 */
public sealed interface PublicationSchedule {

    /** The first moment a table newer than one observed at {@code observedAt} can exist. */
    Instant nextAfter(Instant observedAt);

    /** The schedule of a provider of this build; empty for others (tests' fakes), which are asked on every run. */
    static Optional<PublicationSchedule> of(String provider) {
        return Optional.ofNullable(switch (provider) {
            case FrankfurterProvider.NAME -> new WorkingDaysAt(LocalTime.of(16, 0), ZoneId.of("Europe/Berlin"),
                    Holidays.TARGET);
            case KoreaEximProvider.NAME -> new WorkingDaysAt(LocalTime.of(11, 0), ZoneId.of("Asia/Seoul"),
                    Holidays.korea());
            case OpenExchangeRatesProvider.NAME -> new Every(OpenExchangeRatesProvider.PUBLISHES_EVERY);
            case OpenErApiProvider.NAME, CurrencyApiProvider.NAME -> new Every(Duration.ofDays(1));
            default -> null;
        });
    }

    /** Once a day at {@code time} in {@code zone}, Monday to Friday except {@code holidays}. */
    record WorkingDaysAt(LocalTime time, ZoneId zone, Holidays holidays) implements PublicationSchedule {
        @Override
        public Instant nextAfter(Instant observedAt) {
            ZonedDateTime candidate = observedAt.atZone(zone).with(time);
            if (!candidate.toInstant().isAfter(observedAt)) {
                candidate = candidate.plusDays(1);
            }
            while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY
                    || holidays.isHoliday(candidate.toLocalDate())) {
                candidate = candidate.plusDays(1);
            }
            return candidate.toInstant();
        }
    }

    /** A new table every {@code period} after the last one. */
    record Every(Duration period) implements PublicationSchedule {
        @Override
        public Instant nextAfter(Instant observedAt) {
            return observedAt.plus(period);
        }
    }
}
