package dev.fxalert.bot.telegram;

import dev.fxalert.evaluation.delivery.TelegramNotifier;

import dev.fxalert.bot.command.CachedChatAdministrators;
import dev.fxalert.bot.command.CallbackOutcome;
import dev.fxalert.bot.command.ChatMembershipChange;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.IncomingCallback;
import dev.fxalert.bot.command.IncomingInlineQuery;
import dev.fxalert.bot.command.InlineAnswer;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.core.port.ChatAdministrators;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UpdateJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.util.Optional;

/**
 * One Telegram update through the chat bot and back: replies sent with sendMessage, every button press answered
 * with answerCallbackQuery, every inline query with answerInlineQuery; a group's migration or the bot's removal
 * from it (issue 16) handed to the conversation too. Shared by long polling and the webhook. Never throws: a bad update is logged.
 */
public final class TelegramUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

    private final ChatBot bot;
    private final TelegramClient client;
    private final Notifier replies;
    private final AnsweredUpdates answered;
    /** Who administers a group, asked only when a member changes its alerts (issue 16). */
    private final ChatAdministrators administrators;

    /** Replies sent directly, one request each (the webhook Lambda: no shared sender in that function). */
    public TelegramUpdateHandler(ChatBot bot, TelegramClient client) {
        this(bot, client, new TelegramNotifier(client));
    }

    /** @param replies how replies are sent; locally the paced sender's shared budget, so they are paced with pushes */
    public TelegramUpdateHandler(ChatBot bot, TelegramClient client, Notifier replies) {
        this(bot, client, replies, AnsweredUpdates.NONE);
    }

    /**
     * @param journal which updates were handled and answered: a redelivery of one (after a crash, before Telegram
     *                got the acknowledgement) is not answered again
     */
    public TelegramUpdateHandler(ChatBot bot, TelegramClient client, Notifier replies, UpdateJournal journal,
                                 Clock clock) {
        this(bot, client, replies, new AnsweredUpdates(journal, clock), clock);
    }

    private TelegramUpdateHandler(ChatBot bot, TelegramClient client, Notifier replies, AnsweredUpdates answered) {
        this(bot, client, replies, answered, Clock.systemUTC());
    }

    private TelegramUpdateHandler(ChatBot bot, TelegramClient client, Notifier replies, AnsweredUpdates answered,
                                  Clock clock) {
        this.bot = bot;
        this.client = client;
        this.replies = replies;
        this.answered = answered;
        this.administrators = new CachedChatAdministrators(new TelegramChatAdministrators(client), clock,
                CachedChatAdministrators.DEFAULT_TTL);
    }

    /**
     * Handles the update unless the journal says it was handled and answered already; marks it once its replies
     * were sent. Cut off by an interrupt (a stop's grace ran out), it is not marked: it may be half done.
     */
    public void handle(Update update) {
        if (answered.alreadyAnswered(update)) {
            return;
        }
        handleNew(update);
        if (!Thread.currentThread().isInterrupted()) {
            answered.answered(update);
        }
    }

    private void handleNew(Update update) {
        try {
            Optional<IncomingMessage> message = TelegramMessages.message(update);
            if (message.isPresent()) {
                bot.handle(message.get(), administrators).forEach(this::reply);
                return;
            }
            Optional<IncomingCallback> callback = TelegramMessages.callback(update);
            if (callback.isPresent()) {
                CallbackOutcome outcome = bot.handle(callback.get(), administrators);
                answer(callback.get().callbackId(), outcome.answer());
                outcome.messages().forEach(this::reply);
                return;
            }
            Optional<IncomingInlineQuery> inline = TelegramMessages.inlineQuery(update);
            if (inline.isPresent()) {
                answer(inline.get().queryId(), bot.handle(inline.get()));
                return;
            }
            Optional<ChatMembershipChange> membership = TelegramMessages.membership(update);
            if (membership.isPresent()) {
                bot.handle(membership.get()).forEach(this::reply);
                return;
            }
            log.debug("Ignoring update {}: neither a text message nor a button press", update.getUpdateId());
        } catch (RuntimeException e) {
            log.error("Update {} could not be handled", update.getUpdateId(), e);
        }
    }

    private void reply(OutgoingMessage message) {
        DeliveryResult result = replies.send(message);
        if (!(result instanceof DeliveryResult.Delivered)) {
            log.warn("Reply to chat {} not delivered: {}", message.chatId(), result);
        }
    }

    private void answer(String queryId, InlineAnswer answer) {
        try {
            client.execute(TelegramMessages.answer(queryId, answer));
        } catch (TelegramApiException e) {
            // An inline query is only worth answering within seconds; the person types on and asks again.
            log.warn("Could not answer inline query {}: {}", queryId, e.getMessage());
        }
    }

    private void answer(String callbackId, String text) {
        try {
            client.execute(TelegramMessages.answer(callbackId, text));
        } catch (TelegramApiException e) {
            log.warn("Could not answer button press {}: {}", callbackId, e.getMessage());
        }
    }
}
