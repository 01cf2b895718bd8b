package dev.fxalert.bot.webhook;

import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.CurrencyCatalogue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook Lambda's catalogue: the configured chain's shipped lists, no provider and no secret read. */
class WebhookCatalogueTest {

    @Test
    void isTheDefaultChainsShippedLists() {
        CurrencyCatalogue catalogue = WebhookWiring.shippedCatalogue(Settings.of(Map.of()));

        assertThat(catalogue.sources("KRW")).containsExactly("frankfurter", "open-er-api", "currency-api");
        assertThat(catalogue.sources("VND")).containsExactly("open-er-api", "currency-api");
        assertThat(catalogue.supports("XAU")).isFalse();
    }

    @Test
    void followsTheConfiguredProviders() {
        CurrencyCatalogue catalogue = WebhookWiring.shippedCatalogue(Settings.of(Map.of(
                "INGESTION_PROVIDERS", "koreaexim,frankfurter", "KOREAEXIM_AUTHKEY", "key")));

        assertThat(catalogue.sources("KRW")).containsExactly("koreaexim", "frankfurter");
        assertThat(catalogue.supports("VND")).isFalse();
    }

    @Test
    void doesNotReadTheSecretToFindOutWhetherKoreaEximbankIsConfigured() {
        // With the ARN set, reading a secret would need AWS; the catalogue must not try.
        CurrencyCatalogue catalogue = WebhookWiring.shippedCatalogue(Settings.of(Map.of(
                Secrets.SECRETS_ARN_VARIABLE, "arn:aws:secretsmanager:eu-west-1:000000000000:secret:bot")));

        assertThat(catalogue.sources("KRW")).containsExactly("frankfurter", "open-er-api", "currency-api");
    }
}
