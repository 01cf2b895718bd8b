package dev.fxalert.ingestion;

import dev.fxalert.core.port.RateProvider;
import dev.fxalert.ingestion.IngestionConfig.ProviderSettings;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import dev.fxalert.ingestion.provider.KoreaEximProvider;
import dev.fxalert.ingestion.provider.OpenErApiProvider;
import dev.fxalert.ingestion.provider.RetryingRateProvider;
import dev.fxalert.ingestion.retry.Sleeper;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** Builds the configured provider chain, each provider wrapped in the retry policy, sharing one HTTP client. */
public final class RateProviders {

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
                .toList();
    }

    /** Jitter for callers on any thread (the scheduler and /rate lookups may retry at the same time). */
    public static RandomGenerator threadSafeRandom() {
        return () -> ThreadLocalRandom.current().nextLong();
    }

    private static RateProvider create(ProviderSettings settings, IngestionConfig config, OkHttpClient client, Clock clock) {
        return switch (settings.name()) {
            case FrankfurterProvider.NAME -> new FrankfurterProvider(client, settings.baseUrl());
            case KoreaEximProvider.NAME -> new KoreaEximProvider(client, settings.baseUrl(),
                    config.koreaEximKey().orElseThrow(() -> new IllegalStateException(
                            "Secret " + IngestionConfig.KOREAEXIM_AUTHKEY + " is not set")),
                    clock, config.koreaEximLookbackDays(), config.koreaEximCacheTtl());
            case OpenErApiProvider.NAME -> new OpenErApiProvider(client, settings.baseUrl(), clock, config.rateLimitBackoff());
            default -> throw new IllegalArgumentException("unknown rate provider " + settings.name());
        };
    }
}
