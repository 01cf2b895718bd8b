package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateKind;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A source of exchange rates (Frankfurter/ECB, Korea Eximbank, open.er-api.com, fakes in tests).
 * Providers report what they saw; deciding whether a quote is trustworthy (numeric, positive, fresh, no spike)
 * is the caller's job, so every provider is guarded the same way.
 */
public interface RateProvider {

    /** Short stable name, recorded on every rate it produced, e.g. {@code frankfurter}. */
    String name();

    /**
     * One call for one base currency: the provider's quotes of {@code base} against each of {@code quotes}.
     * A requested currency the provider does not know is simply absent from the result.
     *
     * @throws FetchException when the provider could not be asked or answered with an error
     */
    List<Quote> fetch(String base, Set<String> quotes);

    /**
     * The ISO codes this provider quotes as far as it knows now: its own published list (see
     * {@link #refreshCurrencies()}), or the list shipped with the project until it has read one. Callers ask a
     * provider only for codes in it, because some providers fail a whole request over one unknown code. Empty when
     * the provider publishes no list: then it is asked for anything. Never calls the network.
     */
    default Optional<Set<String>> currencies() {
        return Optional.empty();
    }

    /**
     * Re-reads the provider's currency list from its own endpoint when the cached one is due; a failure keeps the
     * list it had (it is logged, never thrown). A no-op for providers that learn their list from their answers.
     */
    default void refreshCurrencies() {
    }

    /**
     * What a provider said about one pair.
     *
     * @param value      the rate as the provider gave it, as a plain decimal string after undoing the provider's
     *                   own format (thousands separators, per-100 units); null or non-numeric when the provider
     *                   sent something else, so the guards can reject it with the right reason
     * @param observedAt when the provider says the rate was set (its publication time, not our fetch time)
     * @param kind       {@link RateKind#MID} unless the provider also gives a bank's buying or selling rate of the
     *                   pair (Korea Eximbank's TTB/TTS), which ingestion takes only along with that provider's
     *                   trusted mid rate of the same pair
     */
    record Quote(CurrencyPair pair, String value, Instant observedAt, RateKind kind) {
        /** A mid-market or reference rate. */
        public Quote(CurrencyPair pair, String value, Instant observedAt) {
            this(pair, value, observedAt, RateKind.MID);
        }

        public Quote {
            Objects.requireNonNull(pair, "pair");
            Objects.requireNonNull(observedAt, "observedAt");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Why a fetch failed; only {@link #TIMEOUT} and {@link #SERVER_ERROR} are worth retrying right away. */
    enum FailureKind {
        /** Connect or read timeout. */
        TIMEOUT,
        /** HTTP 5xx or a dropped connection. */
        SERVER_ERROR,
        /** The provider asked us to slow down (HTTP 429, daily limit); we back off. */
        RATE_LIMITED,
        /** The provider refused the request: bad key, bad code, unsupported currency, HTTP 4xx. */
        REJECTED,
        /** The response was not in the provider's documented format. */
        MALFORMED_RESPONSE,
        /** Not asked at all: backing off, or not configured. */
        UNAVAILABLE;

        public boolean retryable() {
            return this == TIMEOUT || this == SERVER_ERROR;
        }
    }

    /** A failed fetch. Messages never contain keys or full request URLs, so they are safe to log and show. */
    class FetchException extends RuntimeException {
        private final String provider;
        private final FailureKind kind;

        public FetchException(String provider, FailureKind kind, String message) {
            super(provider + ": " + message);
            this.provider = Objects.requireNonNull(provider, "provider");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public String provider() {
            return provider;
        }

        public FailureKind kind() {
            return kind;
        }
    }
}
