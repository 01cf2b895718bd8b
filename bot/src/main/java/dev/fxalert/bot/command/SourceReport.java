package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.RateSources.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Says what a rate is and, when there is none, why: the pair is quoted by no source, or its sources are failing
 * (each source that has given us rates is past its next expected update by more than {@link #GRACE}), or the first
 * fetch is simply still pending. Reads the sources' state only when there is something to explain.
 */
final class SourceReport {

    /** How late a source may be before we call it failing: the one value in {@link RateSources#GRACE}. */
    static final Duration GRACE = RateSources.GRACE;
    /** Ingestion asks an overdue source every run for this long, then hourly (see IngestionService.due). */
    private static final Duration RETRY_WINDOW = Duration.ofHours(2);
    private static final Duration LATE_RETRY_EVERY = Duration.ofHours(1);

    private final CurrencyCatalogue catalogue;
    private final RateSources sources;
    private final Clock clock;

    SourceReport(CurrencyCatalogue catalogue, RateSources sources, Clock clock) {
        this.catalogue = catalogue;
        this.sources = sources;
        this.clock = clock;
    }

    String rate(Messages messages, Rate rate) {
        return SourceTexts.rate(messages, rate, sources.cadence(rate.provider()), clock.instant());
    }

    String whatItIs(Messages messages, Rate rate) {
        return SourceTexts.whatItIs(messages, rate, sources.cadence(rate.provider()), clock.instant());
    }

    /** @param zone the reader's: the times are shown there */
    String noRate(Messages messages, CurrencyPair pair, ZoneId zone) {
        List<String> names = catalogue.sources(pair);
        if (names.isEmpty()) {
            return SourceTexts.notQuoted(messages, pair);
        }
        Instant now = clock.instant();
        List<Status> known = sources.statuses().stream()
                .filter(status -> names.contains(status.name()) && status.latestTable().isPresent())
                .toList();
        if (known.isEmpty() || !known.stream().allMatch(status -> status.overdue(now, GRACE))) {
            return SourceTexts.firstFetchPending(messages, pair);
        }
        Instant since = known.stream().map(status -> status.nextUpdate().orElseThrow())
                .min(Comparator.naturalOrder()).orElseThrow();
        return SourceTexts.sourcesFailing(messages, pair, since, nextTry(since, now), zone);
    }

    /** Every run (minutes away) during the retry window after the due time, then on the hour after it. */
    private static Optional<Instant> nextTry(Instant due, Instant now) {
        Instant hourlyFrom = due.plus(RETRY_WINDOW);
        if (now.isBefore(hourlyFrom)) {
            return Optional.empty();
        }
        long hours = Duration.between(hourlyFrom, now).toHours() + 1;
        return Optional.of(hourlyFrom.plus(LATE_RETRY_EVERY.multipliedBy(hours)));
    }

    String sources(Messages messages, ZoneId zone) {
        return SourceTexts.sources(messages, sources.statuses(), clock.instant(), GRACE, zone);
    }
}
