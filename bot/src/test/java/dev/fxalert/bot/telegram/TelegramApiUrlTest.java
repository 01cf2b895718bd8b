package dev.fxalert.bot.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramApiUrlTest {

    @Test
    void defaultsToTheRealBotApi() {
        assertThat(TelegramApiUrl.parse(null)).isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
    }

    @Test
    void takesSchemeHostAndPortOfAFakeServer() {
        assertThat(TelegramApiUrl.parse("http://localhost:8081/")).isEqualTo(new TelegramUrl("http", "localhost", 8081, false));
    }

    @Test
    void refusesABasePathItCouldNotHonour() {
        assertThatThrownBy(() -> TelegramApiUrl.parse("https://proxy.example/telegram"))
                .hasMessageContaining("has a path");
        assertThatThrownBy(() -> TelegramApiUrl.parse("api.telegram.org")).hasMessageContaining("must be an http(s) URL");
    }
}
