package dev.fxalert.ingestion;

import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.ingestion.IngestionConfig.ProviderSettings;
import dev.fxalert.ingestion.provider.CurrencyApiProvider;
import dev.fxalert.ingestion.provider.CurrencyList;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import dev.fxalert.core.port.HistoricalRates;
import dev.fxalert.ingestion.provider.KoreaEximProvider;
import dev.fxalert.ingestion.provider.NarrowingRateProvider;
import dev.fxalert.ingestion.provider.OpenErApiProvider;
import dev.fxalert.ingestion.provider.OpenExchangeRatesProvider;
import dev.fxalert.ingestion.provider.RetryingRateProvider;
import dev.fxalert.core.retry.Sleeper;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Builds the configured provider chain, sharing one HTTP client: each provider wrapped in the retry policy, and
 * that in {@link NarrowingRateProvider} so a rejected multi-symbol request is narrowed down instead of failing the
 * base. Also the currency catalogues built from the chain.
 */
public final class RateProviders {

    private static final Set<String> ANY_ISO_CODE = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private RateProviders() {
    }

    public static List<RateProvider> fromConfig(IngestionConfig config, Clock clock, Sleeper sleeper) {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .callTimeout(config.connectTimeout().plus(config.readTimeout()).multipliedBy(2))
                .retryOnConnectionFailure(false) // the retry policy is the only one, so attempts are bounded and counted
                .build();
        RandomGenerator random = threadSafeRandom();
        return config.providers().stream()
                .map(settings -> create(settings, config, client, clock))
                .<RateProvider>map(provider -> new RetryingRateProvider(provider, config.providerRetry(), sleeper, random))
                .<RateProvider>map(NarrowingRateProvider::new)
                .toList();
    }

    /**
     * Where a pair's past rates come from the first time it is charted (issue 16): Frankfurter's time series at the
     * configured {@code FRANKFURTER_BASE_URL} when Frankfurter is one of the configured providers, else none (an
     * operator who left it out does not want it called). One request per backfill, no retries: a failure charts what
     * exists.
     */
    public static HistoricalRates historicalRates(IngestionConfig config, Clock clock) {
        return config.providers().stream()
                .filter(settings -> settings.name().equals(FrankfurterProvider.NAME))
                .findFirst()
                .<HistoricalRates>map(settings -> new FrankfurterProvider(new OkHttpClient.Builder()
                        .connectTimeout(config.connectTimeout())
                        .readTimeout(config.readTimeout())
                        .callTimeout(config.connectTimeout().plus(config.readTimeout()))
                        .retryOnConnectionFailure(false)
                        .build(), settings.baseUrl(), clock))
                .orElseGet(HistoricalRates::none);
    }

    /**
     * The catalogue of a running chain, as its providers know it now (their shipped lists, replaced by their own
     * lists once ingestion has read them). A provider that publishes no list counts as quoting every ISO code.
     */
    public static CurrencyCatalogue catalogue(List<RateProvider> chain) {
        return new LiveCatalogue(chain);
    }

    /** Re-indexes only when a provider's list changed (lists are replaced whole, so identity tells). */
    private static final class LiveCatalogue implements CurrencyCatalogue {
        private final List<RateProvider> providers;
        /** The lists last indexed and their index, swapped together so a reader never mixes two versions. */
        private volatile Indexed indexed = new Indexed(List.of(), CurrencyCatalogue.of(Map.of()));

        private record Indexed(List<Set<String>> lists, CurrencyCatalogue catalogue) {
        }

        LiveCatalogue(List<RateProvider> providers) {
            this.providers = List.copyOf(providers);
        }

        @Override
        public SortedSet<String> all() {
            return current().all();
        }

        @Override
        public List<String> sources(String currency) {
            return current().sources(currency);
        }

        private CurrencyCatalogue current() {
            List<Set<String>> lists = providers.stream().map(p -> p.currencies().orElse(ANY_ISO_CODE)).toList();
            Indexed last = indexed;
            boolean same = lists.size() == last.lists().size();
            for (int i = 0; same && i < lists.size(); i++) {
                same = lists.get(i) == last.lists().get(i);
            }
            if (same) {
                return last.catalogue();
            }
            Map<String, Set<String>> bySource = new LinkedHashMap<>();
            for (int i = 0; i < providers.size(); i++) {
                bySource.put(providers.get(i).name(), lists.get(i));
            }
            CurrencyCatalogue fresh = CurrencyCatalogue.of(bySource);
            indexed = new Indexed(lists, fresh);
            return fresh;
        }
    }

    /**
     * The catalogue of the configured chain from the lists shipped with the project, without building a provider
     * or calling anyone: for the webhook Lambda, which answers commands but does not fetch rates.
     */
    public static CurrencyCatalogue shippedCatalogue(IngestionConfig config) {
        Map<String, Set<String>> bySource = new LinkedHashMap<>();
        for (String name : config.providerNames()) {
            Set<String> shipped = CurrencyList.shipped(name);
            bySource.put(name, shipped.isEmpty() ? ANY_ISO_CODE : shipped);
        }
        return CurrencyCatalogue.of(bySource);
    }

    /** Jitter for callers on any thread (the scheduler and /rate lookups may retry at the same time). */
    public static RandomGenerator threadSafeRandom() {
        return () -> ThreadLocalRandom.current().nextLong();
    }

    private static RateProvider create(ProviderSettings settings, IngestionConfig config, OkHttpClient client, Clock clock) {
        return switch (settings.name()) {
            case FrankfurterProvider.NAME -> new FrankfurterProvider(client, settings.baseUrl(), clock);
            case KoreaEximProvider.NAME -> new KoreaEximProvider(client, settings.baseUrl(),
                    config.koreaEximKey().orElseThrow(() -> new IllegalStateException(
                            "Secret " + IngestionConfig.KOREAEXIM_AUTHKEY + " is not set")),
                    clock, config.koreaEximLookbackDays(), config.koreaEximCacheTtl(), Holidays.korea()::isHoliday);
            case OpenErApiProvider.NAME -> new OpenErApiProvider(client, settings.baseUrl(), clock, config.rateLimitBackoff());
            case OpenExchangeRatesProvider.NAME -> new OpenExchangeRatesProvider(client, settings.baseUrl(),
                    config.openExchangeRatesKey().orElseThrow(() -> new IllegalStateException(
                            "Secret " + IngestionConfig.OPEN_EXCHANGE_RATES_APP_ID + " is not set")), clock);
            case CurrencyApiProvider.NAME -> new CurrencyApiProvider(client, settings.baseUrl(),
                    settings.fallbackUrl(), clock);
            default -> throw new IllegalArgumentException("unknown rate provider " + settings.name());
        };
    }
}
