package dev.fxalert.bot.telegram;

import dev.fxalert.evaluation.delivery.TelegramNotifier;

import dev.fxalert.bot.command.CallbackOutcome;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.command.IncomingCallback;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.Optional;

/**
 * One Telegram update through the chat bot and back: replies sent with sendMessage, every button press answered
 * with answerCallbackQuery. Shared by long polling and the webhook. Never throws: a bad update is logged.
 */
public final class TelegramUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

    private final ChatBot bot;
    private final TelegramClient client;
    private final Notifier replies;

    /** Replies sent directly, one request each (the webhook Lambda: no shared sender in that function). */
    public TelegramUpdateHandler(ChatBot bot, TelegramClient client) {
        this(bot, client, new TelegramNotifier(client));
    }

    /** @param replies how replies are sent; locally the paced sender's shared budget, so they are paced with pushes */
    public TelegramUpdateHandler(ChatBot bot, TelegramClient client, Notifier replies) {
        this.bot = bot;
        this.client = client;
        this.replies = replies;
    }

    public void handle(Update update) {
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

    private void answer(String callbackId, String text) {
        try {
            client.execute(TelegramMessages.answer(callbackId, text));
        } catch (TelegramApiException e) {
            log.warn("Could not answer button press {}: {}", callbackId, e.getMessage());
        }
    }
}
