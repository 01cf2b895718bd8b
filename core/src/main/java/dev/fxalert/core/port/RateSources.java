package dev.fxalert.core.port;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What can be said about the configured rate sources: what kind of number each gives, when it publishes, how
 * current the rates we hold from it are. Derived from the rate history and each source's publication schedule, so
 * it reads the same in a process that runs ingestion and in the webhook Lambda, which remembers nothing between
 * updates. No provider is called.
 */
public interface RateSources {

    /**
     * How late a source may be before it counts as failing (the ECB is often a few minutes late); one value for
     * /rate's "failing since", /sources and the admin API's {@code /admin/sources}.
     */
    Duration GRACE = Duration.ofMinutes(30);

    /** Each configured source in failover order. */
    List<Status> statuses();

    /** What kind of number a source gives; {@link Cadence#UNKNOWN} for a name this build does not know. */
    Cadence cadence(String source);

    /** How a source publishes, which is what its numbers are. */
    enum Cadence {
        /** The ECB reference rates (Frankfurter): once per working day at about 16:00 CET. */
        ECB_REFERENCE("Europe/Berlin"),
        /** Korea Eximbank's base rates: once per Korean business day at about 11:00 KST. */
        KOREAEXIM_BASE("Asia/Seoul"),
        /** A new table every hour (Open Exchange Rates). */
        HOURLY(null),
        /** A new table about once a day (open.er-api, currency-api). */
        DAILY(null),
        UNKNOWN(null);

        private final String zone;

        Cadence(String zone) {
            this.zone = zone;
        }

        /**
         * The cadence of a source by its configured name (the providers' {@code NAME} constants in ingestion, pinned
         * by ProviderSourcesTest); {@link #UNKNOWN} for any other name. Here rather than in ingestion so a push can
         * say what its number is without asking ingestion.
         */
        public static Cadence ofSource(String source) {
            return switch (source) {
                case "frankfurter" -> ECB_REFERENCE;
                case "koreaexim" -> KOREAEXIM_BASE;
                case "openexchangerates" -> HOURLY;
                case "open-er-api", "currency-api" -> DAILY;
                default -> UNKNOWN;
            };
        }

        /** Where a publication time of this kind is stated (the publisher's zone), when it has one. */
        public Optional<ZoneId> publicationZone() {
            return Optional.ofNullable(zone).map(ZoneId::of);
        }
    }

    /**
     * One source.
     *
     * @param currencies  how many currencies it quotes
     * @param latestTable the observation time of the newest rate we hold from it, among the pairs watched or asked
     *                    about; empty when we hold none
     * @param nextUpdate  when a newer table than that can first exist; empty when unknown
     */
    record Status(String name, Cadence cadence, int currencies, Optional<Instant> latestTable,
                  Optional<Instant> nextUpdate) {
        public Status {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cadence, "cadence");
            Objects.requireNonNull(latestTable, "latestTable");
            Objects.requireNonNull(nextUpdate, "nextUpdate");
        }

        /**
         * Since when this source counts as failing: the time its newer table was due, once that is more than
         * {@link RateSources#GRACE} ago without the table; empty while it is not overdue.
         */
        public Optional<Instant> failingSince(Instant now) {
            return overdue(now, GRACE) ? nextUpdate : Optional.empty();
        }

        /** The newer table was due at {@link #nextUpdate} and, {@code grace} later, has still not been read. */
        public boolean overdue(Instant now, Duration grace) {
            return nextUpdate.isPresent() && now.isAfter(nextUpdate.get().plus(grace));
        }
    }

    /** Knows no source: rates are described by their source's name only. */
    static RateSources none() {
        return new RateSources() {
            @Override
            public List<Status> statuses() {
                return List.of();
            }

            @Override
            public Cadence cadence(String source) {
                return Cadence.UNKNOWN;
            }
        };
    }
}
