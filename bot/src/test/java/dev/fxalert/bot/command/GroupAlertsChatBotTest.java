package dev.fxalert.bot.command;

import dev.fxalert.core.domain.User;

import dev.fxalert.core.port.ChatAdministrators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Group alerts that belong to the group (issue 16), in the conversation: who is asked, and when. */
class GroupAlertsChatBotTest {

    private static final long GROUP = -4002L;
    private static final long MEMBER = 5353L;

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(100);
    private final List<Long> asked = new ArrayList<>();
    private final ChatAdministrators nobody = (chatId, userId) -> {
        asked.add(userId);
        return false;
    };

    private String inGroup(long sender, String text) {
        return chat.bot.handle(new IncomingMessage(GROUP, text, "Jun", "en", false, "u-" + text.hashCode(), sender),
                nobody).get(0).text();
    }

    @Test
    void anAnonymousAdministratorSpeakingAsTheGroupNeedsNoCheck() {
        assertThat(inGroup(GROUP, "/alert USD KRW above 1400")).startsWith("Alert ");

        assertThat(asked).isEmpty();
        assertThat(chat.stores.alerts().listByOwner(chat.stores.users().findByChatId(GROUP).orElseThrow().id())).hasSize(1);
    }

    @Test
    void readingCommandsNeverAskWhoAdministers() {
        inGroup(MEMBER, "/alerts");
        inGroup(MEMBER, "/help");
        inGroup(MEMBER, "/rate USD KRW");

        assertThat(asked).isEmpty();
        assertThat(inGroup(MEMBER, "/pause k3m9x2qa")).startsWith("In this group only its administrators");
        assertThat(asked).containsExactly(MEMBER);
    }

    // The group's language, zone, quiet hours and digest are the group's, like its alerts: a member may read them,
    // only an administrator may change them (by command or by a /settings button).
    @Test
    void aMemberMayReadTheGroupsSettingsButOnlyAnAdministratorChangesThem() {
        assertThat(inGroup(MEMBER, "/timezone")).doesNotStartWith("In this group only its administrators");
        assertThat(inGroup(MEMBER, "/quiet")).doesNotStartWith("In this group only its administrators");
        assertThat(asked).isEmpty();

        for (String change : List.of("/timezone Asia/Seoul", "/quiet 23:00-07:00", "/digest 08:30", "/lang ko")) {
            assertThat(inGroup(MEMBER, change)).as(change).startsWith("In this group only its administrators");
        }
        var pressed = chat.bot.handle(new IncomingCallback("cb-1", GROUP, "set:tz:Asia/Seoul", "Jun", "en", false,
                MEMBER), nobody);
        assertThat(pressed.answer()).startsWith("In this group only its administrators");

        User group = chat.stores.users().findByChatId(GROUP).orElseThrow();
        assertThat(group.zone().getId()).isEqualTo("UTC");
        assertThat(group.quiet()).isNull();
        assertThat(group.digestTime()).isNull();
        assertThat(group.language()).isEqualTo("en");
        assertThat(inGroup(GROUP, "/timezone Asia/Seoul")).as("the group itself (an anonymous administrator)")
                .contains("Asia/Seoul");
    }

    @Test
    void aPrivateChatIsItsOwnersAndNeedsNoCheck() {
        assertThat(chat.bot.handle(new IncomingMessage(MEMBER, "/alert USD KRW above 1400", "Jun", "en", true),
                nobody).get(0).text()).startsWith("Alert ");
        assertThat(asked).isEmpty();
    }
}
