package dev.fxalert.bot.webhook.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestionInvokeConfigTest {

    @Test
    void noFunctionNameMeansRunningIngestionIsNotConfigured() {
        assertThat(IngestionInvokeConfig.fromEnvironment(Map.of())).isEmpty();
        assertThat(IngestionInvokeConfig.fromEnvironment(Map.of("INGESTION_FUNCTION_NAME", "  "))).isEmpty();
    }

    @Test
    void theFunctionNameWaitsFifteenSecondsByDefaultUnderTheWebhooksTwentySecondTimeout() {
        assertThat(IngestionInvokeConfig.fromEnvironment(Map.of("INGESTION_FUNCTION_NAME", "fx-alert-ingestion")))
                .contains(new IngestionInvokeConfig("fx-alert-ingestion", Duration.ofSeconds(15)));
    }

    @Test
    void theWaitIsConfigurableInWholeSeconds() {
        assertThat(IngestionInvokeConfig.fromEnvironment(Map.of("INGESTION_FUNCTION_NAME", "f",
                "INGESTION_INVOKE_TIMEOUT_SECONDS", "8")).orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(8));
        assertThatThrownBy(() -> IngestionInvokeConfig.fromEnvironment(Map.of("INGESTION_FUNCTION_NAME", "f",
                "INGESTION_INVOKE_TIMEOUT_SECONDS", "0")))
                .hasMessageContaining("INGESTION_INVOKE_TIMEOUT_SECONDS must be a whole number from 1, got '0'");
    }
}
