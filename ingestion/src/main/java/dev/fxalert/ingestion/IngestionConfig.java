package dev.fxalert.ingestion;

import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import dev.fxalert.ingestion.provider.KoreaEximProvider;
import dev.fxalert.ingestion.provider.OpenErApiProvider;
import dev.fxalert.ingestion.retry.RetryPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything ingestion can be told, read once from the environment.
 *
 * @param providers             the failover chain, in order
 * @param koreaEximAuthKey      the Korea Eximbank key, or null; never printed (see {@link #toString()})
 * @param providerRetry         retries of one provider call, on timeouts and 5xx only
 * @param spikeLimit            a quote moving more than this fraction from the last stored rate is quarantined
 * @param confirmationTolerance how close a second provider's quote must be to confirm a quarantined one
 * @param interestWindow        how long a pair someone asked about (/rate) keeps being fetched without alerts;
 *                              short (3 h), so a pair nobody watches any more soon stops costing calls
 * @param rateLimitBackoff      how long a provider that answered HTTP 429 is left alone
 * @param koreaEximLookbackDays how many days back Korea Eximbank is searched for the last business day's table
 * @param koreaEximCacheTtl     how long a fetched Korea Eximbank table is reused (it changes once a day; the key
 *                              allows about 1,000 calls a day)
 * @param publishRetry          retries of event entries the bus reported as failed
 * @param quoteClockSkew        how far after our clock a quote's observation time may be and still be trusted
 */
public record IngestionConfig(
        List<ProviderSettings> providers,
        String koreaEximAuthKey,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy providerRetry,
        BigDecimal spikeLimit,
        BigDecimal confirmationTolerance,
        Duration interestWindow,
        Duration rateLimitBackoff,
        int koreaEximLookbackDays,
        Duration koreaEximCacheTtl,
        String eventBusName,
        RetryPolicy publishRetry,
        Duration quoteClockSkew) {

    public static final String KOREAEXIM_AUTHKEY = "KOREAEXIM_AUTHKEY";
    /** A quote older than this is stale when its provider has no cycle of its own configured. */
    public static final Duration DEFAULT_MAX_QUOTE_AGE = Duration.ofHours(48);

    /**
     * One provider in the chain.
     *
     * @param maxQuoteAge the oldest quote it may give and still be trusted, from its normal update cycle
     */
    public record ProviderSettings(String name, String baseUrl, Duration maxQuoteAge) {
        public ProviderSettings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(maxQuoteAge, "maxQuoteAge");
        }
    }

    public IngestionConfig {
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("at least one rate provider is needed");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(providerRetry, "providerRetry");
        Objects.requireNonNull(spikeLimit, "spikeLimit");
        Objects.requireNonNull(confirmationTolerance, "confirmationTolerance");
        Objects.requireNonNull(interestWindow, "interestWindow");
        Objects.requireNonNull(rateLimitBackoff, "rateLimitBackoff");
        Objects.requireNonNull(koreaEximCacheTtl, "koreaEximCacheTtl");
        Objects.requireNonNull(eventBusName, "eventBusName");
        Objects.requireNonNull(publishRetry, "publishRetry");
        Objects.requireNonNull(quoteClockSkew, "quoteClockSkew");
        if (quoteClockSkew.isNegative()) {
            throw new IllegalArgumentException("quoteClockSkew cannot be negative");
        }
        if (spikeLimit.signum() <= 0 || confirmationTolerance.signum() < 0) {
            throw new IllegalArgumentException("spikeLimit must be positive and confirmationTolerance not negative");
        }
        if (koreaEximCacheTtl.isNegative()) {
            throw new IllegalArgumentException("koreaEximCacheTtl cannot be negative");
        }
        if (koreaEximLookbackDays < 1) {
            throw new IllegalArgumentException("koreaEximLookbackDays must be at least 1");
        }
    }

    /**
     * Reads the configuration; every variable is optional. Korea Eximbank joins the chain (after Frankfurter,
     * before open.er-api) only when {@code KOREAEXIM_AUTHKEY} is set; {@code INGESTION_PROVIDERS} overrides the
     * order. A malformed value fails with a message naming the variable.
     */
    public static IngestionConfig fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env), Secrets.of(env));
    }

    /** @param secrets where {@value #KOREAEXIM_AUTHKEY} comes from */
    public static IngestionConfig from(Settings e, Secrets secrets) {
        String key = secrets.optional(KOREAEXIM_AUTHKEY).orElse(null);
        List<ProviderSettings> chain = new ArrayList<>();
        for (String name : providerOrder(e, key != null)) {
            chain.add(switch (name) {
                case FrankfurterProvider.NAME -> new ProviderSettings(name,
                        e.url("FRANKFURTER_BASE_URL", "https://api.frankfurter.dev"),
                        e.hours("FRANKFURTER_MAX_AGE_HOURS", 96));
                case KoreaEximProvider.NAME -> new ProviderSettings(name,
                        e.url("KOREAEXIM_BASE_URL", "https://oapi.koreaexim.go.kr"),
                        e.hours("KOREAEXIM_MAX_AGE_HOURS", 96));
                case OpenErApiProvider.NAME -> new ProviderSettings(name,
                        e.url("OPEN_ER_API_BASE_URL", "https://open.er-api.com"),
                        e.hours("OPEN_ER_API_MAX_AGE_HOURS", 48));
                default -> throw new IllegalArgumentException("INGESTION_PROVIDERS names unknown provider '" + name
                        + "'; known: " + FrankfurterProvider.NAME + ", " + KoreaEximProvider.NAME + ", "
                        + OpenErApiProvider.NAME);
            });
        }
        return new IngestionConfig(
                chain,
                key,
                e.millis("PROVIDER_CONNECT_TIMEOUT_MS", 3_000),
                e.millis("PROVIDER_READ_TIMEOUT_MS", 10_000),
                new RetryPolicy(e.integer("PROVIDER_MAX_ATTEMPTS", 3),
                        e.millis("PROVIDER_RETRY_BASE_DELAY_MS", 500), e.millis("PROVIDER_RETRY_MAX_DELAY_MS", 4_000)),
                e.percent("SPIKE_LIMIT_PERCENT", "10"),
                e.percent("CONFIRMATION_TOLERANCE_PERCENT", "1"),
                e.hours("INTEREST_WINDOW_HOURS", 3),
                Duration.ofMinutes(e.integer("RATE_LIMIT_BACKOFF_MINUTES", 20)),
                e.integer("KOREAEXIM_LOOKBACK_DAYS", 7),
                Duration.ofMinutes(e.integer("KOREAEXIM_CACHE_MINUTES", 30)),
                e.text("EVENT_BUS_NAME", "fx-alert"),
                new RetryPolicy(e.integer("PUBLISH_MAX_ATTEMPTS", 3),
                        e.millis("PUBLISH_RETRY_BASE_DELAY_MS", 200), e.millis("PUBLISH_RETRY_MAX_DELAY_MS", 2_000)),
                e.minutes("QUOTE_CLOCK_SKEW_MINUTES", 5));
    }

    public Optional<String> koreaEximKey() {
        return Optional.ofNullable(koreaEximAuthKey);
    }

    public List<String> providerNames() {
        return providers.stream().map(ProviderSettings::name).toList();
    }

    public Optional<ProviderSettings> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** How old a quote of this provider may be; {@link #DEFAULT_MAX_QUOTE_AGE} for providers not configured here. */
    public Duration maxQuoteAge(String providerName) {
        return provider(providerName).map(ProviderSettings::maxQuoteAge).orElse(DEFAULT_MAX_QUOTE_AGE);
    }

    /** Like the generated one, but the key is only said to be set or not. */
    @Override
    public String toString() {
        return "IngestionConfig[providers=" + providers + ", koreaEximAuthKey=" + (koreaEximAuthKey == null ? "unset" : "set")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", providerRetry=" + providerRetry + ", spikeLimit=" + spikeLimit
                + ", confirmationTolerance=" + confirmationTolerance + ", interestWindow=" + interestWindow
                + ", rateLimitBackoff=" + rateLimitBackoff + ", koreaEximLookbackDays=" + koreaEximLookbackDays + ", koreaEximCacheTtl=" + koreaEximCacheTtl
                + ", eventBusName=" + eventBusName + ", publishRetry=" + publishRetry
                + ", quoteClockSkew=" + quoteClockSkew + "]";
    }

    private static Set<String> providerOrder(Settings e, boolean hasKoreaEximKey) {
        String listed = e.text("INGESTION_PROVIDERS", "");
        if (listed.isBlank()) {
            return hasKoreaEximKey
                    ? new LinkedHashSet<>(List.of(FrankfurterProvider.NAME, KoreaEximProvider.NAME, OpenErApiProvider.NAME))
                    : new LinkedHashSet<>(List.of(FrankfurterProvider.NAME, OpenErApiProvider.NAME));
        }
        Set<String> order = new LinkedHashSet<>();
        Arrays.stream(listed.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .forEach(order::add);
        if (order.contains(KoreaEximProvider.NAME) && !hasKoreaEximKey) {
            throw new IllegalArgumentException("INGESTION_PROVIDERS lists " + KoreaEximProvider.NAME
                    + " but " + KOREAEXIM_AUTHKEY + " is not set.");
        }
        return order;
    }
}
