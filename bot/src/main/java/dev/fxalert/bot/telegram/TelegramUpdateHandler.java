package dev.fxalert.bot.telegram;

import dev.fxalert.evaluation.delivery.TelegramNotifier;

import dev.fxalert.bot.command.CallbackOutcome;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.IncomingCallback;
import dev.fxalert.bot.command.IncomingMessage;
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
 * with answerCallbackQuery (and, when the bot says so, the pressed message rewritten with editMessageText). Shared by long polling and the webhook. Never throws: a bad update is logged.
 */
public final class TelegramUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

    private final ChatBot bot;
    private final TelegramClient client;
    private final Notifier replies;
    private final AnsweredUpdates answered;

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
        this(bot, client, replies, new AnsweredUpdates(journal, clock));
    }

    private TelegramUpdateHandler(ChatBot bot, TelegramClient client, Notifier replies, AnsweredUpdates answered) {
        this.bot = bot;
        this.client = client;
        this.replies = replies;
        this.answered = answered;
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
                bot.handle(message.get()).forEach(this::reply);
                return;
            }
            Optional<IncomingCallback> callback = TelegramMessages.callback(update);
            if (callback.isPresent()) {
                CallbackOutcome outcome = bot.handle(callback.get());
                answer(callback.get().callbackId(), outcome.answer());
                outcome.edit().ifPresent(edited -> edit(callback.get().messageId(), edited));
                outcome.messages().forEach(this::reply);
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

    /** The pressed message rewritten; when its id is unknown, the new text comes as a message of its own. */
    private void edit(long messageId, OutgoingMessage edited) {
        if (messageId <= 0) {
            reply(edited);
            return;
        }
        try {
            client.execute(TelegramNotifier.toEditMessageText(messageId, edited));
        } catch (TelegramApiException e) {
            // e.g. "message is not modified" after a second identical press: the press was answered all the same
            log.warn("Could not edit message {} in chat {}: {}", messageId, edited.chatId(), e.getMessage());
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
