package dev.fxalert.ingestion;

import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.ingestion.provider.CurrencyApiProvider;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import dev.fxalert.ingestion.provider.KoreaEximProvider;
import dev.fxalert.ingestion.provider.OpenErApiProvider;
import dev.fxalert.ingestion.provider.OpenExchangeRatesProvider;
import dev.fxalert.ingestion.retry.RetryPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * @param openExchangeRatesAppId the Open Exchange Rates App ID, or null; never printed
 * @param orderByCurrency       per currency, the providers asked first for pairs with it (the rest of the chain
 *                              follows in its order), from {@code PROVIDER_ORDER_BY_CURRENCY}
 * @param scheduleByPublication ask a provider for a pair only when a newer table than the stored one can exist
 *                              (see {@code PublicationSchedule}); false asks on every run
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
        Duration quoteClockSkew,
        String openExchangeRatesAppId,
        Map<String, List<String>> orderByCurrency,
        boolean scheduleByPublication) {

    public static final String KOREAEXIM_AUTHKEY = "KOREAEXIM_AUTHKEY";
    public static final String OPEN_EXCHANGE_RATES_APP_ID = "OPEN_EXCHANGE_RATES_APP_ID";
    /** A quote older than this is stale when its provider has no cycle of its own configured. */
    public static final Duration DEFAULT_MAX_QUOTE_AGE = Duration.ofHours(48);

    /**
     * One provider in the chain.
     *
     * @param maxQuoteAge the oldest quote it may give and still be trusted, from its normal update cycle
     * @param fallbackUrl a second host serving the same files, or null (currency-api's documented fallback)
     */
    public record ProviderSettings(String name, String baseUrl, Duration maxQuoteAge, String fallbackUrl) {
        public ProviderSettings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(maxQuoteAge, "maxQuoteAge");
        }

        public ProviderSettings(String name, String baseUrl, Duration maxQuoteAge) {
            this(name, baseUrl, maxQuoteAge, null);
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
        orderByCurrency = Map.copyOf(orderByCurrency);
        // A known provider that is not configured here is skipped, not an error: the webhook Lambda reads the same
        // variables without ingestion's secrets, so its chain may lack Korea Eximbank or Open Exchange Rates.
        orderByCurrency.forEach((currency, first) -> {
            if (!KNOWN_PROVIDERS.containsAll(first)) {
                throw new IllegalArgumentException("PROVIDER_ORDER_BY_CURRENCY names " + first + " for " + currency
                        + "; known providers: " + String.join(", ", KNOWN_PROVIDERS) + ".");
            }
        });
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
        String appId = secrets.optional(OPEN_EXCHANGE_RATES_APP_ID).orElse(null);
        List<ProviderSettings> chain = new ArrayList<>();
        for (String name : providerOrder(e, key != null, appId != null)) {
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
                case OpenExchangeRatesProvider.NAME -> new ProviderSettings(name,
                        e.url("OPEN_EXCHANGE_RATES_BASE_URL", "https://openexchangerates.org"),
                        e.hours("OPEN_EXCHANGE_RATES_MAX_AGE_HOURS", 6));
                case CurrencyApiProvider.NAME -> new ProviderSettings(name,
                        e.url("CURRENCY_API_BASE_URL", "https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest"),
                        e.hours("CURRENCY_API_MAX_AGE_HOURS", 48),
                        e.url("CURRENCY_API_FALLBACK_URL", "https://latest.currency-api.pages.dev"));
                default -> throw new IllegalArgumentException("INGESTION_PROVIDERS names unknown provider '" + name
                        + "'; known: " + String.join(", ", KNOWN_PROVIDERS));
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
                e.minutes("QUOTE_CLOCK_SKEW_MINUTES", 5),
                appId,
                orderByCurrency(e),
                e.bool("SCHEDULE_BY_PUBLICATION", true));
    }

    /** Every provider this build knows, by name. */
    public static final List<String> KNOWN_PROVIDERS = List.of(OpenExchangeRatesProvider.NAME, FrankfurterProvider.NAME,
            KoreaEximProvider.NAME, OpenErApiProvider.NAME, CurrencyApiProvider.NAME);

    public Optional<String> openExchangeRatesKey() {
        return Optional.ofNullable(openExchangeRatesAppId);
    }

    /**
     * The order of {@code chain} for one pair: the providers named for its quote currency in
     * {@code PROVIDER_ORDER_BY_CURRENCY} (else those named for its base) first, then the rest in chain order.
     */
    public List<String> orderFor(CurrencyPair pair, List<String> chain) {
        List<String> first = orderByCurrency.getOrDefault(pair.quote(), orderByCurrency.getOrDefault(pair.base(), List.of()));
        if (first.isEmpty()) {
            return chain;
        }
        Set<String> order = new LinkedHashSet<>(first);
        order.retainAll(chain);
        order.addAll(chain);
        return List.copyOf(order);
    }

    /** {@code KRW=koreaexim;JPY=openexchangerates,frankfurter}: parsed once, here. */
    private static Map<String, List<String>> orderByCurrency(Settings e) {
        String text = e.text("PROVIDER_ORDER_BY_CURRENCY", "");
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            String currency = parts[0].strip().toUpperCase(Locale.ROOT);
            List<String> names = parts.length < 2 ? List.of() : Arrays.stream(parts[1].split(","))
                    .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
            if (!CurrencyPair.isKnownCurrency(currency) || names.isEmpty()) {
                throw new IllegalArgumentException("PROVIDER_ORDER_BY_CURRENCY must look like 'KRW=koreaexim;JPY=frankfurter',"
                        + " got '" + entry.strip() + "'.");
            }
            result.put(currency, names);
        }
        return result;
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
                + ", openExchangeRatesAppId=" + (openExchangeRatesAppId == null ? "unset" : "set")
                + ", orderByCurrency=" + orderByCurrency + ", scheduleByPublication=" + scheduleByPublication
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", providerRetry=" + providerRetry + ", spikeLimit=" + spikeLimit
                + ", confirmationTolerance=" + confirmationTolerance + ", interestWindow=" + interestWindow
                + ", rateLimitBackoff=" + rateLimitBackoff + ", koreaEximLookbackDays=" + koreaEximLookbackDays + ", koreaEximCacheTtl=" + koreaEximCacheTtl
                + ", eventBusName=" + eventBusName + ", publishRetry=" + publishRetry
                + ", quoteClockSkew=" + quoteClockSkew + "]";
    }

    /**
     * Default: Open Exchange Rates first when its App ID is set (hourly, the freshest), Frankfurter, Korea Eximbank
     * when its key is set, open.er-api, and currency-api last (the widest coverage).
     */
    private static Set<String> providerOrder(Settings e, boolean hasKoreaEximKey, boolean hasOxrAppId) {
        String listed = e.text("INGESTION_PROVIDERS", "");
        if (listed.isBlank()) {
            Set<String> order = new LinkedHashSet<>();
            if (hasOxrAppId) {
                order.add(OpenExchangeRatesProvider.NAME);
            }
            order.add(FrankfurterProvider.NAME);
            if (hasKoreaEximKey) {
                order.add(KoreaEximProvider.NAME);
            }
            order.add(OpenErApiProvider.NAME);
            order.add(CurrencyApiProvider.NAME);
            return order;
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
        if (order.contains(OpenExchangeRatesProvider.NAME) && !hasOxrAppId) {
            throw new IllegalArgumentException("INGESTION_PROVIDERS lists " + OpenExchangeRatesProvider.NAME
                    + " but " + OPEN_EXCHANGE_RATES_APP_ID + " is not set.");
        }
        return order;
    }
}
