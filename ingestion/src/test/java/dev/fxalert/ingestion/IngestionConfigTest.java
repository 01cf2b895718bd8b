package dev.fxalert.ingestion;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.ingestion.testing.RecordingSleeper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestionConfigTest {

    @Test
    void defaultsToFrankfurterThenOpenErApiThenCurrencyApiWithATenPercentSpikeLimit() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of());

        assertThat(config.providerNames()).containsExactly("frankfurter", "open-er-api", "currency-api");
        assertThat(config.provider("currency-api").orElseThrow().fallbackUrl())
                .isEqualTo("https://latest.currency-api.pages.dev");
        assertThat(config.scheduleByPublication()).isTrue();
        assertThat(config.provider("frankfurter").orElseThrow().baseUrl()).isEqualTo("https://api.frankfurter.dev");
        assertThat(config.spikeLimit()).isEqualByComparingTo("0.10");
        assertThat(config.rateLimitBackoff()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.connectTimeout()).isPositive();
        assertThat(config.readTimeout()).isPositive();
    }

    @Test
    void addsKoreaEximbankBeforeTheFallbackOnlyWhenItsKeyIsSet() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of("KOREAEXIM_AUTHKEY", "k3y"));

        assertThat(config.providerNames()).containsExactly("frankfurter", "koreaexim", "open-er-api", "currency-api");
        assertThat(config.koreaEximKey()).contains("k3y");
    }

    @Test
    void putsOpenExchangeRatesFirstOnlyWhenItsAppIdIsSetAndNeverPrintsIt() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of("OPEN_EXCHANGE_RATES_APP_ID", "oxr-secret-id"));

        assertThat(config.providerNames()).containsExactly("openexchangerates", "frankfurter", "open-er-api", "currency-api");
        assertThat(config.openExchangeRatesKey()).contains("oxr-secret-id");
        assertThat(config.toString()).doesNotContain("oxr-secret-id").contains("openExchangeRatesAppId=set");
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("INGESTION_PROVIDERS", "openexchangerates")))
                .hasMessageContaining("OPEN_EXCHANGE_RATES_APP_ID is not set");
    }

    @Test
    void ordersTheChainPerCurrencyFromOneSetting() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of("KOREAEXIM_AUTHKEY", "k3y",
                "PROVIDER_ORDER_BY_CURRENCY", " krw = koreaexim ; VND=currency-api,open-er-api"));
        List<String> chain = config.providerNames();

        assertThat(config.orderFor(CurrencyPair.of("USD", "KRW"), chain))
                .containsExactly("koreaexim", "frankfurter", "open-er-api", "currency-api");
        assertThat(config.orderFor(CurrencyPair.of("KRW", "JPY"), chain))
                .containsExactly("koreaexim", "frankfurter", "open-er-api", "currency-api");
        assertThat(config.orderFor(CurrencyPair.of("USD", "VND"), chain))
                .containsExactly("currency-api", "open-er-api", "frankfurter", "koreaexim");
        assertThat(config.orderFor(CurrencyPair.of("USD", "JPY"), chain)).isEqualTo(chain);
        // Korea Eximbank not configured (no key, e.g. in the webhook Lambda): skipped, the chain order stands
        IngestionConfig withoutKey = IngestionConfig.fromEnvironment(Map.of("PROVIDER_ORDER_BY_CURRENCY", "KRW=koreaexim"));
        assertThat(withoutKey.orderFor(CurrencyPair.of("USD", "KRW"), withoutKey.providerNames()))
                .isEqualTo(withoutKey.providerNames());
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("PROVIDER_ORDER_BY_CURRENCY", "KRW=ecb")))
                .hasMessageContaining("PROVIDER_ORDER_BY_CURRENCY names [ecb] for KRW");
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("PROVIDER_ORDER_BY_CURRENCY", "KRW")))
                .hasMessageContaining("PROVIDER_ORDER_BY_CURRENCY must look like");
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("SCHEDULE_BY_PUBLICATION", "yes")))
                .hasMessageContaining("SCHEDULE_BY_PUBLICATION must be true or false");
    }

    @Test
    void neverPrintsTheKey() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of("KOREAEXIM_AUTHKEY", "very-secret-key"));

        assertThat(config.toString()).doesNotContain("very-secret-key").contains("koreaEximAuthKey=set");
    }

    @Test
    void takesBaseUrlsStalenessAndOrderFromTheEnvironment() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of(
                "INGESTION_PROVIDERS", "open-er-api, frankfurter",
                "FRANKFURTER_BASE_URL", "http://127.0.0.1:8081",
                "OPEN_ER_API_BASE_URL", "http://127.0.0.1:8082",
                "OPEN_ER_API_MAX_AGE_HOURS", "30",
                "SPIKE_LIMIT_PERCENT", "5"));

        assertThat(config.providerNames()).containsExactly("open-er-api", "frankfurter");
        assertThat(config.provider("frankfurter").orElseThrow().baseUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.maxQuoteAge("open-er-api")).isEqualTo(Duration.ofHours(30));
        assertThat(config.maxQuoteAge("some-fake")).isEqualTo(IngestionConfig.DEFAULT_MAX_QUOTE_AGE);
        assertThat(config.spikeLimit()).isEqualByComparingTo(new BigDecimal("0.05"));
    }

    @Test
    void namesTheVariableOfAMalformedValue() {
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("PROVIDER_READ_TIMEOUT_MS", "ten")))
                .hasMessageContaining("PROVIDER_READ_TIMEOUT_MS must be a whole number, got 'ten'");
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("FRANKFURTER_BASE_URL", "ftp://x")))
                .hasMessageContaining("FRANKFURTER_BASE_URL must be an http(s) URL");
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("INGESTION_PROVIDERS", "frankfurter,ecb")))
                .hasMessageContaining("unknown provider 'ecb'");
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("INGESTION_PROVIDERS", "koreaexim")))
                .hasMessageContaining("KOREAEXIM_AUTHKEY is not set");
    }

    @Test
    void readsTheClockSkewAllowedForQuotesFromOneVariable() {
        assertThat(IngestionConfig.fromEnvironment(Map.of()).quoteClockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(IngestionConfig.fromEnvironment(Map.of("QUOTE_CLOCK_SKEW_MINUTES", "0")).quoteClockSkew())
                .isZero();
        assertThatThrownBy(() -> IngestionConfig.fromEnvironment(Map.of("QUOTE_CLOCK_SKEW_MINUTES", "-1")))
                .hasMessageContaining("QUOTE_CLOCK_SKEW_MINUTES cannot be negative");
    }

    @Test
    void buildsTheConfiguredChainInOrder() {
        IngestionConfig config = IngestionConfig.fromEnvironment(Map.of("KOREAEXIM_AUTHKEY", "k3y"));

        List<RateProvider> chain = RateProviders.fromConfig(config, Clock.systemUTC(), new RecordingSleeper());

        assertThat(chain).extracting(RateProvider::name)
                .containsExactly("frankfurter", "koreaexim", "open-er-api", "currency-api");
    }
}
