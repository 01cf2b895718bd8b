package dev.fxalert.admin.broadcast;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.testing.Alerts;
import dev.fxalert.admin.testing.InMemoryAlertStore;
import dev.fxalert.admin.testing.InMemoryUserStore;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BroadcastServiceTest {

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final RecordingSender sender = new RecordingSender();

    @Test
    void sendsTheTextOnceToEveryActiveUserAcrossPages() {
        for (int i = 10; i < 17; i++) {
            users.add("u" + i, 1000 + i, true);
        }
        users.add("u99", 1099, false);
        BroadcastService broadcast = new BroadcastService(users, alerts, sender, 3);

        BroadcastReport report = broadcast.broadcast(new BroadcastRequest("  Maintenance tonight 02:00 UTC.  "));

        assertThat(report).isEqualTo(new BroadcastReport(7, 7, 0, 0));
        assertThat(sender.sent).extracting(OutgoingMessage::chatId)
                .containsExactly(1010L, 1011L, 1012L, 1013L, 1014L, 1015L, 1016L);
        assertThat(sender.sent).extracting(OutgoingMessage::text).containsOnly("Maintenance tonight 02:00 UTC.");
    }

    @Test
    void deactivatesUsersWhoBlockedTheBotAndPausesTheirAlerts() {
        users.add("u1", 101, true);
        users.add("u2", 102, true);
        alerts.add(Alerts.armed("a1", "u2", 102, "USD/KRW", "1400"));
        sender.answer(102, new DeliveryResult.RecipientGone("Forbidden: bot was blocked by the user"));

        BroadcastReport report = new BroadcastService(users, alerts, sender).broadcast(new BroadcastRequest("Hello"));

        assertThat(report).isEqualTo(new BroadcastReport(2, 1, 1, 0));
        assertThat(users.deactivatedIds()).containsExactly("u2");
        assertThat(alerts.listByOwner("u2")).extracting(a -> a.state()).containsExactly(AlertState.PAUSED);
    }

    @Test
    void oneFailingChatDoesNotStopTheOthers() {
        users.add("u1", 101, true);
        users.add("u2", 102, true);
        users.add("u3", 103, true);
        sender.answer(101, new DeliveryResult.Failed("HTTP 502"));
        sender.throwFor(102);

        BroadcastReport report = new BroadcastService(users, alerts, sender).broadcast(new BroadcastRequest("Hello"));

        assertThat(report).isEqualTo(new BroadcastReport(3, 1, 0, 2));
        assertThat(users.deactivatedIds()).isEmpty();
    }

    @Test
    void refusesAnEmptyOrTooLongTextBeforeSendingAnything() {
        users.add("u1", 101, true);
        BroadcastService broadcast = new BroadcastService(users, alerts, sender);

        assertThatThrownBy(() -> broadcast.broadcast(new BroadcastRequest("   ")))
                .isInstanceOf(AdminProblem.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> broadcast.broadcast(new BroadcastRequest(null)))
                .isInstanceOf(AdminProblem.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> broadcast.broadcast(new BroadcastRequest("x".repeat(4097))))
                .isInstanceOf(AdminProblem.class).hasMessageContaining("4097").hasMessageContaining("4096");
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void acceptsExactlyTelegramsLimit() {
        users.add("u1", 101, true);

        BroadcastReport report = new BroadcastService(users, alerts, sender).broadcast(new BroadcastRequest("x".repeat(4096)));

        assertThat(report.delivered()).isEqualTo(1);
    }

    @Test
    void answersNotConfiguredWithoutASender() {
        BroadcastService unwired = new BroadcastService(users, alerts, null);

        assertThatThrownBy(() -> unwired.broadcast(new BroadcastRequest("Hello")))
                .isInstanceOf(AdminProblem.class).extracting(e -> ((AdminProblem) e).status()).isEqualTo(503);
    }

    static final class RecordingSender implements BroadcastSender {
        final List<OutgoingMessage> sent = new ArrayList<>();
        private final java.util.Map<Long, DeliveryResult> answers = new java.util.HashMap<>();
        private final java.util.Set<Long> throwing = new java.util.HashSet<>();

        void answer(long chatId, DeliveryResult result) {
            answers.put(chatId, result);
        }

        void throwFor(long chatId) {
            throwing.add(chatId);
        }

        @Override
        public DeliveryResult send(OutgoingMessage message) {
            if (throwing.contains(message.chatId())) {
                throw new IllegalStateException("connection reset");
            }
            sent.add(message);
            return answers.getOrDefault(message.chatId(), DeliveryResult.delivered());
        }
    }
}
