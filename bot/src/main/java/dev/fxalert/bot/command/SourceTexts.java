package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.i18n.RateTexts;
import dev.fxalert.core.port.RateSources.Cadence;
import dev.fxalert.core.port.RateSources.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Every user-facing text about rate sources (/rate's "what the number is", "no rate" reasons, /sources), from the
 * message catalogue in the reader's language. Times of a publication are shown in the publisher's zone (the ECB's
 * 16:00 CET, Korea Eximbank's 11:00 KST, {@link Cadence#publicationZone}) where the time names a table in a rate's
 * description; every other time (since when sources fail, the next try, /sources' newest and next tables) in the
 * reader's zone with its abbreviation (issue 15).
 */
final class SourceTexts {

    private SourceTexts() {
    }

    /** What a number is ({@link RateTexts#whatItIs}, the same text the pushes use). */
    static String whatItIs(Messages messages, Rate rate, Cadence cadence, Instant now) {
        return RateTexts.whatItIs(messages, rate.provider(), rate.observedAt(), rate.kind(), cadence, now);
    }

    /** /rate's answer: {@code 1 USD = 1,392.5 KRW (ECB reference rate, 2026-11-25 16:00 CET)}. */
    static String rate(Messages messages, Rate rate, Cadence cadence, Instant now) {
        return messages.text(Msg.SOURCE_RATE_REPLY, rate.pair().base(), rate.value(), rate.pair().quote(),
                whatItIs(messages, rate, cadence, now));
    }

    static String notQuoted(Messages messages, CurrencyPair pair) {
        return messages.text(Msg.SOURCE_NOT_QUOTED, pair.toString(), pair.base(), pair.quote());
    }

    /** No source answered for this pair yet, and none of its sources is known to be failing: the first fetch is pending. */
    static String firstFetchPending(Messages messages, CurrencyPair pair) {
        return messages.text(Msg.RATE_NONE_YET, pair.toString());
    }

    /**
     * @param failingSince when the sources' newer tables were due and did not come
     * @param nextTry      empty when the next try is the next ingestion run, minutes away
     */
    static String sourcesFailing(Messages messages, CurrencyPair pair, Instant failingSince, Optional<Instant> nextTry,
                                 ZoneId zone) {
        String next = nextTry.map(at -> messages.text(Msg.SOURCE_NEXT_TRY_AT, Messages.time(at, zone)))
                .orElseGet(() -> messages.text(Msg.SOURCE_NEXT_TRY_SOON));
        return messages.text(Msg.SOURCE_FAILING, pair.toString(), Messages.time(failingSince, zone), next);
    }

    /** /sources: one paragraph per source, in failover order. */
    static String sources(Messages messages, List<Status> statuses, Instant now, Duration grace, ZoneId zone) {
        if (statuses.isEmpty()) {
            return messages.text(Msg.SOURCES_NONE);
        }
        StringBuilder text = new StringBuilder(messages.text(Msg.SOURCES_HEADER));
        for (Status status : statuses) {
            text.append("\n\n").append(messages.text(Msg.SOURCES_ENTRY, status.name(), kind(messages, status.cadence()),
                    status.currencies()));
            text.append('\n').append(messages.text(Msg.SOURCES_NEWEST, status.latestTable()
                    .map(at -> messages.text(Msg.SOURCES_NEWEST_AT, Messages.time(at, zone),
                            Formats.age(messages, at, now)))
                    .orElseGet(() -> messages.text(Msg.SOURCES_NEWEST_NONE))));
            status.nextUpdate().ifPresent(next -> text.append('\n').append(status.overdue(now, grace)
                    ? messages.text(Msg.SOURCES_NEXT_OVERDUE, Messages.time(next, zone))
                    : messages.text(Msg.SOURCES_NEXT_EXPECTED, Messages.time(next, zone))));
        }
        return text.toString();
    }

    private static String kind(Messages messages, Cadence cadence) {
        return messages.text(switch (cadence) {
            case ECB_REFERENCE -> Msg.SOURCES_KIND_ECB;
            case KOREAEXIM_BASE -> Msg.SOURCES_KIND_KOREAEXIM;
            case HOURLY -> Msg.SOURCES_KIND_HOURLY;
            case DAILY -> Msg.SOURCES_KIND_DAILY;
            case UNKNOWN -> Msg.SOURCES_KIND_UNKNOWN;
        });
    }
}
