package dev.fxalert.core.config;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private enum Kind { EMBEDDED, DYNAMODB }

    @Test
    void unsetAndBlankMeanTheDefaultAndValuesAreStripped() {
        Settings settings = Settings.of(Map.of("BLANK", "  ", "PADDED", " x "));

        assertThat(settings.text("UNSET", "d")).isEqualTo("d");
        assertThat(settings.text("BLANK", "d")).isEqualTo("d");
        assertThat(settings.text("PADDED", "d")).isEqualTo("x");
        assertThat(settings.optional("BLANK")).isEmpty();
    }

    @Test
    void readsEachTypeFromItsOneName() {
        Settings settings = Settings.of(Map.of("N", "7", "D", "PT30S", "P", "2.5", "B", "FALSE", "Z", "Europe/Berlin",
                "K", "dynamodb", "F", "./x.db", "U", "http://127.0.0.1:9", "R", "12.5"));

        assertThat(settings.integer("N", 1)).isEqualTo(7);
        assertThat(settings.duration("D", Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.percent("P", "10")).isEqualByComparingTo(new BigDecimal("0.025"));
        assertThat(settings.bool("B", true)).isFalse();
        assertThat(settings.zone("Z", "UTC")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.choice("K", Kind.class, Kind.EMBEDDED)).isEqualTo(Kind.DYNAMODB);
        assertThat(settings.path("F", "./data/fx-alert.db")).isEqualTo(Path.of("./x.db"));
        assertThat(settings.url("U", "https://example.org")).isEqualTo("http://127.0.0.1:9");
        assertThat(settings.decimal("R", 29.0)).isEqualTo(12.5);
        assertThat(settings.millis("UNSET", 500)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aMalformedValueFailsInOneStyleNamingTheVariable() {
        Settings settings = Settings.of(Map.of("N", "ten", "D", "5m", "B", "yes", "K", "h2", "U", "ftp://x",
                "Z", "Mars/Olympus", "M", "0"));

        assertThatThrownBy(() -> settings.integer("N", 1))
                .isInstanceOf(Settings.SettingException.class).hasMessage("N must be a whole number, got 'ten'.");
        assertThatThrownBy(() -> settings.duration("D", Duration.ofMinutes(5)))
                .hasMessage("D must be an ISO-8601 duration such as PT5M, got '5m'.");
        assertThatThrownBy(() -> settings.bool("B", true)).hasMessage("B must be true or false, got 'yes'.");
        assertThatThrownBy(() -> settings.choice("K", Kind.class, Kind.EMBEDDED))
                .hasMessage("K must be embedded or dynamodb, got 'h2'.");
        assertThatThrownBy(() -> settings.url("U", "https://x")).hasMessage("U must be an http(s) URL, got 'ftp://x'.");
        assertThatThrownBy(() -> settings.zone("Z", "UTC")).hasMessageStartingWith("Z must be a time zone");
        assertThatThrownBy(() -> settings.integer("M", 5, 1)).hasMessage("M must be a whole number from 1, got '0'.");
    }

    @Test
    void recordsEveryNameItIsAskedForSetOrNot() {
        Settings settings = Settings.of(Map.of("SET", "1"));

        settings.integer("SET", 0);
        settings.text("UNSET", "x");

        assertThat(settings.namesRead()).containsExactlyInAnyOrder("SET", "UNSET");
    }
}
