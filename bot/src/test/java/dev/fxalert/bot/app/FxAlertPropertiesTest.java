package dev.fxalert.bot.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the settings bind, including the empty lines people leave in .env. */
class FxAlertPropertiesTest {

    private static FxAlertProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("fx-alert", FxAlertProperties.class);
    }

    @Test
    void defaultsGiveTheLocalSetup() {
        FxAlertProperties properties = bind(Map.of());

        assertThat(properties.store()).isEqualTo(FxAlertProperties.StoreKind.EMBEDDED);
        assertThat(properties.dbPath().normalize()).isEqualTo(Path.of("data/fx-alert.db"));
        assertThat(properties.ingestion().interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(properties.chat().commandsPerMinute()).isEqualTo(20);
        assertThat(properties.maxAlertsPerUser()).isEqualTo(50);
    }

    @Test
    void bindsTheOperatorsValues() {
        FxAlertProperties properties = bind(Map.of("fx-alert.store", "dynamodb", "fx-alert.ingestion.interval", "PT30S",
                "fx-alert.dynamodb.endpoint", "http://localhost:8000"));

        assertThat(properties.store()).isEqualTo(FxAlertProperties.StoreKind.DYNAMODB);
        assertThat(properties.ingestion().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.dynamodb().endpoint()).isEqualTo("http://localhost:8000");
    }

    @Test
    void emptyValuesMeanTheDefaults() {
        FxAlertProperties properties = bind(Map.of("fx-alert.store", "", "fx-alert.db-path", "",
                "fx-alert.ingestion.interval", "", "fx-alert.telegram.api-url", ""));

        assertThat(properties.store()).isEqualTo(FxAlertProperties.StoreKind.EMBEDDED);
        assertThat(properties.dbPath().normalize()).isEqualTo(Path.of("data/fx-alert.db"));
        assertThat(properties.ingestion().interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
    }
}
