package dev.fxalert.ingestion;

import dev.fxalert.core.port.RateSources.Cadence;
import dev.fxalert.ingestion.provider.CurrencyApiProvider;
import dev.fxalert.ingestion.provider.DemoRateProvider;
import dev.fxalert.ingestion.provider.FrankfurterProvider;
import dev.fxalert.ingestion.provider.KoreaEximProvider;
import dev.fxalert.ingestion.provider.OpenErApiProvider;
import dev.fxalert.ingestion.provider.OpenExchangeRatesProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Core names each source's cadence by its configured name (for pushes); these are the names ingestion uses. */
class ProviderSourcesTest {

    @Test
    void everyProviderNameHasItsCadenceInCore() {
        assertThat(Cadence.ofSource(FrankfurterProvider.NAME)).isEqualTo(Cadence.ECB_REFERENCE);
        assertThat(Cadence.ofSource(KoreaEximProvider.NAME)).isEqualTo(Cadence.KOREAEXIM_BASE);
        assertThat(Cadence.ofSource(OpenExchangeRatesProvider.NAME)).isEqualTo(Cadence.HOURLY);
        assertThat(Cadence.ofSource(OpenErApiProvider.NAME)).isEqualTo(Cadence.DAILY);
        assertThat(Cadence.ofSource(CurrencyApiProvider.NAME)).isEqualTo(Cadence.DAILY);
        assertThat(Cadence.ofSource(DemoRateProvider.NAME)).isEqualTo(Cadence.UNKNOWN);
    }
}
