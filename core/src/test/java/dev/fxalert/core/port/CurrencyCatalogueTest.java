package dev.fxalert.core.port;

import dev.fxalert.core.domain.CurrencyPair;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CurrencyCatalogueTest {

    private static CurrencyCatalogue chain() {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        bySource.put("frankfurter", List.of("EUR", "KRW", "USD"));
        bySource.put("koreaexim", List.of("KRW", "USD", "AED"));
        bySource.put("open-er-api", List.of("USD", "VND", "eur"));
        return CurrencyCatalogue.of(bySource);
    }

    @Test
    void isTheUnionOfTheSourcesListsSorted() {
        assertThat(chain().all()).containsExactly("AED", "EUR", "KRW", "USD", "VND");
    }

    @Test
    void namesTheSourcesOfACurrencyInFailoverOrder() {
        assertThat(chain().sources("USD")).containsExactly("frankfurter", "koreaexim", "open-er-api");
        assertThat(chain().sources("eur")).containsExactly("frankfurter", "open-er-api");
        assertThat(chain().sources("XAU")).isEmpty();
        assertThat(chain().supports("XAU")).isFalse();
        assertThat(chain().supports("aed")).isTrue();
    }

    @Test
    void aPairNeedsOneSourceQuotingBothCurrencies() {
        assertThat(chain().sources(CurrencyPair.of("USD", "KRW"))).containsExactly("frankfurter", "koreaexim");
        assertThat(chain().supports(CurrencyPair.of("AED", "VND"))).isFalse(); // each is quoted, but never together
        assertThat(chain().supports(CurrencyPair.of("USD", "VND"))).isTrue();
    }
}
