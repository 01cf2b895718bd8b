package dev.fxalert.bot.webhook;

import dev.fxalert.bot.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's menu step for the webhook bot: every language's menus, scoped, with the commands of this version. */
class PublishCommandMenuTest {

    @Test
    void publishesTheMenuInEveryLanguageWithTheTokenAndApiUrlFromTheEnvironment() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            boolean published = PublishCommandMenu.publish(Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                    "TELEGRAM_API_URL", api.baseUrl())::get);

            assertThat(published).isTrue();
            List<FakeBotApi.Call> menus = api.calls("setMyCommands");
            // per language: private chats, group members, group administrators (issue 16's scoped menus)
            assertThat(menus).hasSize(6);
            assertThat(menus.get(0).body().path("language_code").isMissingNode()).isTrue();
            assertThat(menus.get(0).body().path("commands").findValuesAsText("command"))
                    .contains("alert", "settings", "quiet", "digest", "snooze", "move");
            assertThat(menus).filteredOn(menu -> menu.body().path("language_code").asText().equals("ko")).hasSize(3);
        }
    }
}
