package dev.fxalert.core.i18n;

import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.port.RateSources.Cadence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a number is, said the same way in /rate's reply and in a push: {@code ECB reference rate, 2026-11-25 16:00
 * CET}, {@code openexchangerates, hourly, 10 min ago}. A publication's time is shown in the publisher's zone (the
 * ECB's 16:00 CET, Korea Eximbank's 11:00 KST: {@link Cadence#publicationZone}), because that time names the table;
 * a source without fixed publications is described by its name, its cadence and the rate's age (a reply) or
 * observation time (a push). In core because
 * the bot (replies) and evaluation (pushes) both say it, and neither depends on the other.
 */
public final class RateTexts {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private RateTexts() {
    }

    /**
     * For a reply read as it is sent: a source without fixed publications gets the rate's age.
     *
     * @param provider   the source's name ({@code Rate.provider()})
     * @param observedAt when the source says the number was observed
     */
    public static String whatItIs(Messages messages, String provider, Instant observedAt, RateKind kind, Cadence cadence,
                                  Instant now) {
        return describe(messages, provider, observedAt, kind, cadence, age(messages, observedAt, now));
    }

    /**
     * For a push, which may be read long after it was built: a source without fixed publications gets the
     * observation time in the reader's zone instead of an age that would go stale.
     */
    public static String whatItIsIn(Messages messages, String provider, Instant observedAt, RateKind kind,
                                    Cadence cadence, ZoneId readerZone) {
        return describe(messages, provider, observedAt, kind, cadence, Messages.time(observedAt, readerZone));
    }

    private static String describe(Messages messages, String provider, Instant observedAt, RateKind kind,
                                   Cadence cadence, String when) {
        if (kind != RateKind.MID) {
            // A bank's rate (Korea Eximbank's TTB/TTS) is named by what it is; its table's time as its source's.
            String time = cadence.publicationZone().isPresent() ? published(observedAt, cadence) : when;
            return messages.text(kind == RateKind.BANK_SELL ? Msg.SOURCE_RATE_BANK_SELL : Msg.SOURCE_RATE_BANK_BUY, time);
        }
        return switch (cadence) {
            case ECB_REFERENCE -> messages.text(Msg.SOURCE_RATE_ECB, published(observedAt, cadence));
            case KOREAEXIM_BASE -> messages.text(Msg.SOURCE_RATE_KOREAEXIM, published(observedAt, cadence));
            case HOURLY -> messages.text(Msg.SOURCE_RATE_HOURLY, provider, when);
            case DAILY -> messages.text(Msg.SOURCE_RATE_DAILY, provider, when);
            case UNKNOWN -> messages.text(Msg.SOURCE_RATE_UNKNOWN, provider, when);
        };
    }

    private static String published(Instant observedAt, Cadence cadence) {
        return Messages.time(observedAt, cadence.publicationZone().orElse(UTC));
    }

    /** {@code just now}, {@code 10 min ago}, {@code 3 h ago}, {@code 2 days ago}. */
    public static String age(Messages messages, Instant observedAt, Instant now) {
        Duration age = Duration.between(observedAt, now);
        if (age.toMinutes() < 1) {
            return messages.text(Msg.FORMAT_AGE_NOW);
        }
        if (age.toMinutes() < 60) {
            return messages.text(Msg.FORMAT_AGE_MINUTES, age.toMinutes());
        }
        if (age.toHours() < 48) {
            return messages.text(Msg.FORMAT_AGE_HOURS, age.toHours());
        }
        return messages.text(Msg.FORMAT_AGE_DAYS, age.toDays());
    }
}
