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
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One Telegram update through the chat bot and back: replies sent with sendMessage, every button press answered
 * with answerCallbackQuery (and, when the bot says so, the pressed message rewritten with editMessageText, issue 14),
 * every inline query with answerInlineQuery; a group's migration or the bot's removal from it (issue 16) handed to
 * the conversation too. Shared by long polling ({@link #handle}) and the webhook, which may take one of those calls
 * into its HTTP response ({@link #handleAndRespond}). Never throws: a bad update is logged.
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
        handleNew(update, false);
        markUnlessInterrupted(update);
    }

    /**
     * The webhook's way: handles the update like {@link #handle} but leaves at most one Bot API call for the HTTP
     * response, which Telegram executes as if the bot had called it (one outbound round trip fewer per command):
     * <ul>
     *   <li>a command with exactly one reply: that reply's sendMessage, and no outbound call at all;</li>
     *   <li>a command with no reply or several: nothing left, every reply sent as a call, in order (Telegram takes
     *       one method per response, and the order of a call and a response is not guaranteed);</li>
     *   <li>a button press: its answerCallbackQuery, its edit of the pressed message and its messages (if any)
     *       sent as calls first (issue 14: an edit never rides in the response). The answer is the
     *       part whose loss costs least (the button's spinner stops by itself), so the messages keep a reported
     *       outcome.</li>
     * </ul>
     *
     * <p>Journal order: handle (the command's effects, the calls) → {@code respond} builds the response from the
     * call left → mark the update → return the response. A reply in the response is only sent once the function
     * has returned and API Gateway handed the body to Telegram, which no code here can wait for, so the mark comes
     * as late as this process can put it: after the response exists. What is left is the instant between the
     * mark and Telegram reading the body (the function dies, or the response is lost on its way): Telegram then
     * redelivers the update, the journal says it was handled, and the redelivery is acknowledged with an empty
     * 200. The command's effect stays single (a second {@code /alert} would be a second alert), the one reply in
     * the body is lost. The other orders are worse: leaving such updates unmarked would re-run the command on that
     * redelivery (its effect doubled, which lasts, where a lost reply is visible and the user repeats the
     * command); marking before handling would widen the loss to the whole command. A reply sent as a call keeps
     * the journal's usual order (sent, then marked: a crash between answers twice, never loses). A mark that
     * cannot be written is logged and the response still returned ({@link AnsweredUpdates}).
     *
     * @param respond turns the call left (empty: none, or the update was answered before) into the response
     * @return what {@code respond} returned
     */
    public <R> R handleAndRespond(Update update, Function<Optional<BotApiMethod<?>>, R> respond) {
        if (answered.alreadyAnswered(update)) {
            return respond.apply(Optional.empty());
        }
        R response = respond.apply(handleNew(update, true));
        markUnlessInterrupted(update);
        return response;
    }

    private void markUnlessInterrupted(Update update) {
        if (!Thread.currentThread().isInterrupted()) {
            answered.answered(update);
        }
    }

    /** @param leaveOneCall whether one call may be left to the caller (see {@link #handleAndRespond}) */
    private Optional<BotApiMethod<?>> handleNew(Update update, boolean leaveOneCall) {
        try {
            Optional<IncomingMessage> message = TelegramMessages.message(update);
            if (message.isPresent()) {
                List<OutgoingMessage> replies = bot.handle(message.get(), administrators);
                // A photo is an upload (multipart): it cannot ride in the webhook's JSON answer, so it is a call.
                if (leaveOneCall && replies.size() == 1 && !replies.get(0).hasPhoto()) {
                    return Optional.of(TelegramMessages.reply(replies.get(0)));
                }
                replies.forEach(this::reply);
                return Optional.empty();
            }
            Optional<IncomingCallback> callback = TelegramMessages.callback(update);
            if (callback.isPresent()) {
                CallbackOutcome outcome = bot.handle(callback.get(), administrators);
                if (leaveOneCall) {
                    // The edit and the messages are calls, made first; the answer rides in the response.
                    outcome.edit().ifPresent(edited -> edit(callback.get().messageId(), edited));
                    outcome.messages().forEach(this::reply);
                    return Optional.of(TelegramMessages.answer(callback.get().callbackId(), outcome.answer()));
                }
                answer(callback.get().callbackId(), outcome.answer());
                outcome.edit().ifPresent(edited -> edit(callback.get().messageId(), edited));
                outcome.messages().forEach(this::reply);
                return Optional.empty();
            }
            Optional<IncomingInlineQuery> inline = TelegramMessages.inlineQuery(update);
            if (inline.isPresent()) {
                answer(inline.get().queryId(), bot.handle(inline.get()));
                return Optional.empty();
            }
            Optional<ChatMembershipChange> membership = TelegramMessages.membership(update);
            if (membership.isPresent()) {
                bot.handle(membership.get()).forEach(this::reply);
                return Optional.empty();
            }
            log.debug("Ignoring update {}: neither a text message nor a button press", update.getUpdateId());
        } catch (RuntimeException e) {
            log.error("Update {} could not be handled", update.getUpdateId(), e);
        }
        return Optional.empty();
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
