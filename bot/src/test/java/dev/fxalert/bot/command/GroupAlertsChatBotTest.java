package dev.fxalert.bot.command;

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

    @Test
    void aPrivateChatIsItsOwnersAndNeedsNoCheck() {
        assertThat(chat.bot.handle(new IncomingMessage(MEMBER, "/alert USD KRW above 1400", "Jun", "en", true),
                nobody).get(0).text()).startsWith("Alert ");
        assertThat(asked).isEmpty();
    }
}
