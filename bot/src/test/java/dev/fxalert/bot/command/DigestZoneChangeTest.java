package dev.fxalert.bot.command;

import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily digest (issue 15 audit, branch quiet15b): the digest comes at its time in the user's zone, so a new zone
 * (typed or from a /settings button) moves the user's schedule to it at once, not at the next start.
 */
class DigestZoneChangeTest {

    private ChatBotFixture chat;
    private final ScheduleManager schedules = Mockito.mock(ScheduleManager.class);

    @BeforeEach
    void setUp() {
        chat = new ChatBotFixture(1000);
        chat.bot.scheduleDigestsWith(schedules);
    }

    @AfterEach
    void tearDown() {
        chat.close();
    }

    private List<UserSchedule> put() {
        ArgumentCaptor<UserSchedule> put = ArgumentCaptor.forClass(UserSchedule.class);
        Mockito.verify(schedules, Mockito.atLeast(0)).putUserSchedule(put.capture());
        return put.getAllValues();
    }

    @Test
    void aNewZoneMovesTheDigestScheduleToIt() {
        chat.reply("/digest 08:30");

        chat.reply("/timezone Asia/Seoul");

        assertThat(put()).extracting(UserSchedule::timezone).containsExactly("UTC", "Asia/Seoul");
        assertThat(put().get(1).expression().text()).isEqualTo("cron(30 8 * * ? *)");

        chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:tz:UTC", "Mina", "en"));

        assertThat(put()).extracting(UserSchedule::timezone).containsExactly("UTC", "Asia/Seoul", "UTC");
    }

    @Test
    void withoutADigestANewZoneSchedulesNothing() {
        chat.reply("/timezone Asia/Seoul");

        assertThat(put()).isEmpty();
        User user = chat.stores.users().findByChatId(ChatBotFixture.CHAT).orElseThrow();
        assertThat(user.digestTime()).isNull();
    }
}
