package dev.fxalert.bot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.command.CallbackOutcome;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.IncomingCallback;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.core.port.ChatAdministrators;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UpdateJournal;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The webhook's way through the update handler: which call it may take into its response, the fallback to calls,
 * and the journal's order (the update marked only once the response exists).
 */
class TelegramUpdateHandlerTest {

    private static final long CHAT = 5150L;

    private final FakeBotApi api = new FakeBotApi();
    private final ChatBot bot = mock(ChatBot.class);
    private final List<String> events = new ArrayList<>();
    private final RecordingJournal journal = new RecordingJournal(events);
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(FakeBotApi.TOKEN, api.telegramUrl());
    private final TelegramUpdateHandler handler = new TelegramUpdateHandler(bot, client, new TelegramNotifier(client),
            journal, Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    private static Update update(String json) throws Exception {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(json, Update.class);
    }

    private static Update message(int id) throws Exception {
        return update(FakeBotApi.messageUpdate(id, CHAT, "Jun", "/x"));
    }

    /** The response the webhook would build, recorded in order with the journal's marks. */
    private Optional<BotApiMethod<?>> respond(Optional<BotApiMethod<?>> call) {
        events.add("response " + call.map(BotApiMethod::getMethod).orElse("empty"));
        return call;
    }

    @Test
    void oneReplyIsLeftForTheResponseAndNotSent() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenReturn(List.of(OutgoingMessage.text(CHAT, "one")));

        Optional<BotApiMethod<?>> left = handler.handleAndRespond(message(7), this::respond);

        assertThat(left).get().isInstanceOfSatisfying(SendMessage.class, call -> {
            assertThat(call.getText()).isEqualTo("one");
            assertThat(call.getChatId()).isEqualTo(String.valueOf(CHAT));
        });
        assertThat(api.calls("sendMessage")).as("no outbound round trip").isEmpty();
    }

    @Test
    void theUpdateIsMarkedOnlyAfterTheResponseExists() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenReturn(List.of(OutgoingMessage.text(CHAT, "one")));

        handler.handleAndRespond(message(7), this::respond);

        assertThat(events).containsExactly("response sendmessage", "mark tg:7");
    }

    @Test
    void aResponseThatCouldNotBeBuiltLeavesTheUpdateUnmarkedSoARedeliveryIsHandled() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenReturn(List.of(OutgoingMessage.text(CHAT, "one")));

        assertThatThrownBy(() -> handler.handleAndRespond(message(7), call -> {
            throw new IllegalStateException("the function died while answering");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(journal.wasHandled("tg:7")).isFalse();
        assertThat(handler.handleAndRespond(message(7), this::respond)).as("the redelivery is answered").isPresent();
    }

    /**
     * The documented window: marked, then the response never reached Telegram, which redelivers. The command does
     * not run again (its effect stays single); the redelivery is only acknowledged.
     */
    @Test
    void aRedeliveryOfAMarkedUpdateIsAcknowledgedWithAnEmptyResponseAndNotHandledAgain() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenReturn(List.of(OutgoingMessage.text(CHAT, "one")));
        handler.handleAndRespond(message(7), this::respond);
        events.clear();

        Optional<BotApiMethod<?>> again = handler.handleAndRespond(message(7), this::respond);

        assertThat(again).isEmpty();
        assertThat(events).containsExactly("response empty");
        verify(bot, times(1)).handle(any(IncomingMessage.class), any(ChatAdministrators.class));
    }

    @Test
    void severalRepliesAreAllSentInOrderBeforeTheResponseAndNoneIsLeft() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenReturn(List.of(OutgoingMessage.text(CHAT, "first"),
                OutgoingMessage.text(CHAT, "second")));

        assertThat(handler.handleAndRespond(message(7), this::respond)).isEmpty();

        assertThat(api.sentTexts(CHAT)).containsExactly("first", "second");
        assertThat(events).containsExactly("response empty", "mark tg:7");
    }

    @Test
    void noReplyLeavesNothingAndSendsNothing() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenReturn(List.of());

        assertThat(handler.handleAndRespond(message(7), this::respond)).isEmpty();
        assertThat(api.calls("sendMessage")).isEmpty();
    }

    @Test
    void aButtonPressLeavesItsAnswerForTheResponseAndSendsItsMessageAsACallFirst() throws Exception {
        when(bot.handle(any(IncomingCallback.class), any(ChatAdministrators.class))).thenReturn(new CallbackOutcome("Paused",
                List.of(OutgoingMessage.text(CHAT, "Paused k3m9x2qa."))));

        Optional<BotApiMethod<?>> left = handler.handleAndRespond(
                update(FakeBotApi.callbackUpdate(8, "cbq-9", CHAT, "Jun", "a:pause:k3m9x2qa")), this::respond);

        assertThat(left).get().isInstanceOfSatisfying(AnswerCallbackQuery.class, answer -> {
            assertThat(answer.getCallbackQueryId()).isEqualTo("cbq-9");
            assertThat(answer.getText()).isEqualTo("Paused");
        });
        assertThat(api.sentTexts(CHAT)).containsExactly("Paused k3m9x2qa.");
        assertThat(api.calls("answerCallbackQuery")).isEmpty();
    }

    @Test
    void longPollingStillSendsTheOneReplyAsACall() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenReturn(List.of(OutgoingMessage.text(CHAT, "one")));

        handler.handle(message(7));

        assertThat(api.sentTexts(CHAT)).containsExactly("one");
        assertThat(events).containsExactly("mark tg:7");
    }

    @Test
    void aCommandThatThrowsIsAcknowledgedWithAnEmptyResponse() throws Exception {
        when(bot.handle(any(IncomingMessage.class), any(ChatAdministrators.class))).thenThrow(new IllegalStateException("boom"));

        assertThat(handler.handleAndRespond(message(7), this::respond)).isEmpty();
        assertThat(events).containsExactly("response empty", "mark tg:7");
    }

    /** An in-memory journal that records its marks next to the responses. */
    private static final class RecordingJournal implements UpdateJournal {
        private final List<String> events;
        private final Set<String> handled = new HashSet<>();

        RecordingJournal(List<String> events) {
            this.events = events;
        }

        @Override
        public boolean wasHandled(String deliveryId) {
            return handled.contains(deliveryId);
        }

        @Override
        public boolean markHandled(String deliveryId, Instant at) {
            events.add("mark " + deliveryId);
            return handled.add(deliveryId);
        }

        @Override
        public void purgeExpired() {
        }
    }
}
