package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.RateSources.Cadence;
import dev.fxalert.core.port.RateSources.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Every user-facing text about rate sources (/rate's "what the number is", "no rate" reasons, /sources), kept in
 * this one class so they move into the message catalogue in one piece.
 */
final class SourceTexts {

    private static final DateTimeFormatter DAY_TIME_ZONE = DateTimeFormatter.ofPattern("d MMM HH:mm z", Locale.US);
    private static final DateTimeFormatter TIME_UTC = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME_UTC = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private SourceTexts() {
    }

    /**
     * What a number is: {@code ECB reference rate, 25 Nov 16:00 CET}, {@code Korea Eximbank base rate, 25 Nov
     * 11:00 KST}, {@code openexchangerates, hourly, 10 min ago}, {@code currency-api, daily, 3 h ago}.
     */
    static String whatItIs(Rate rate, Cadence cadence, Instant now) {
        return switch (cadence) {
            case ECB_REFERENCE -> "ECB reference rate, " + DAY_TIME_ZONE.format(rate.observedAt().atZone(ZoneId.of("Europe/Berlin")));
            case KOREAEXIM_BASE -> "Korea Eximbank base rate, " + DAY_TIME_ZONE.format(rate.observedAt().atZone(ZoneId.of("Asia/Seoul")));
            case HOURLY -> rate.provider() + ", hourly, " + Formats.age(rate.observedAt(), now);
            case DAILY -> rate.provider() + ", daily, " + Formats.age(rate.observedAt(), now);
            case UNKNOWN -> rate.provider() + ", " + Formats.age(rate.observedAt(), now);
        };
    }

    /** /rate's answer: {@code 1 USD = 1,392.5 KRW (ECB reference rate, 25 Nov 16:00 CET)}. */
    static String rate(Rate rate, Cadence cadence, Instant now) {
        return "1 " + rate.pair().base() + " = " + Formats.number(rate.value()) + " " + rate.pair().quote()
                + " (" + whatItIs(rate, cadence, now) + ")";
    }

    static String notQuoted(CurrencyPair pair) {
        return "I have no rate for " + pair + ": none of my sources quotes both " + pair.base() + " and "
                + pair.quote() + ". /currencies lists what I can watch.";
    }

    /** No source answered for this pair yet, and none of its sources is known to be failing: the first fetch is pending. */
    static String firstFetchPending(CurrencyPair pair) {
        return "I have no rate for " + pair + " yet; I'm fetching it now, ask again in a few minutes.";
    }

    /**
     * @param failingSince when the sources' newer tables were due and did not come
     * @param nextTry      empty when the next try is the next ingestion run, minutes away
     */
    static String sourcesFailing(CurrencyPair pair, Instant failingSince, java.util.Optional<Instant> nextTry) {
        return "I have no rate for " + pair + ": my sources for it have been failing since "
                + TIME_UTC.format(failingSince) + ". "
                + nextTry.map(at -> "Next try at " + TIME_UTC.format(at) + ".").orElse("Next try in a few minutes.");
    }

    /** /sources: one paragraph per source, in failover order. */
    static String sources(List<Status> statuses, Instant now, Duration grace) {
        if (statuses.isEmpty()) {
            return "I know nothing about my rate sources here.";
        }
        StringBuilder text = new StringBuilder("My rate sources, asked in this order:");
        for (Status status : statuses) {
            text.append("\n\n").append(status.name()).append(" — ").append(kind(status.cadence()))
                    .append("; ").append(status.currencies()).append(" currencies.");
            text.append("\nNewest rate held: ").append(status.latestTable()
                    .map(at -> DAY_TIME_UTC.format(at) + " (" + Formats.age(at, now) + ")").orElse("none yet"));
            status.nextUpdate().ifPresent(next -> text.append(status.overdue(now, grace)
                    ? "\nNext update was due " + DAY_TIME_UTC.format(next) + ": overdue, still trying."
                    : "\nNext update expected " + DAY_TIME_UTC.format(next) + "."));
        }
        return text.toString();
    }

    private static String kind(Cadence cadence) {
        return switch (cadence) {
            case ECB_REFERENCE -> "ECB reference rates, working days ~16:00 CET";
            case KOREAEXIM_BASE -> "Korea Eximbank base rates, Korean business days ~11:00 KST";
            case HOURLY -> "hourly";
            case DAILY -> "daily";
            case UNKNOWN -> "schedule unknown";
        };
    }
}
