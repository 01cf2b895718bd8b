package dev.fxalert.bot.telegram;

import dev.fxalert.bot.command.BotMenu;
import dev.fxalert.bot.command.IncomingCallback;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.core.i18n.Language;
import dev.fxalert.core.i18n.Messages;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Translation between Telegram's types and ours; the only place that knows both. */
public final class TelegramMessages {

    private TelegramMessages() {
    }

    public static Optional<IncomingMessage> message(Update update) {
        if (!update.hasMessage() || !update.getMessage().hasText()) {
            return Optional.empty();
        }
        Message message = update.getMessage();
        User from = message.getFrom();
        // The update id is what Telegram redelivers under: the same message delivered again has the same one.
        return Optional.of(new IncomingMessage(message.getChatId(), message.getText(), firstName(from), language(from),
                Boolean.TRUE.equals(message.getChat().isUserChat()),
                update.getUpdateId() == null ? null : "telegram-update-" + update.getUpdateId()));
    }

    public static Optional<IncomingCallback> callback(Update update) {
        if (!update.hasCallbackQuery()) {
            return Optional.empty();
        }
        CallbackQuery query = update.getCallbackQuery();
        // The message under the button carries the chat; without it (very old messages) the presser's own chat.
        long chatId = query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
        // The message id lets the press be answered by editing that message; its text (absent when Telegram no
        // longer gives it) lets the edit keep what the message said.
        long messageId = query.getMessage() != null && query.getMessage().getMessageId() != null
                ? query.getMessage().getMessageId() : 0;
        String messageText = query.getMessage() instanceof Message message ? message.getText() : null;
        return Optional.of(new IncomingCallback(query.getId(), chatId, query.getData(), firstName(query.getFrom()),
                language(query.getFrom()), messageId, messageText));
    }

    /** The chat an update belongs to, so updates of one chat can be handled in order; empty for others. */
    public static Optional<Long> chatId(Update update) {
        return message(update).map(IncomingMessage::chatId).or(() -> callback(update).map(IncomingCallback::chatId));
    }

    public static AnswerCallbackQuery answer(String callbackId, String text) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId);
        if (text != null && !text.isBlank()) {
            answer.text(text);
        }
        return answer.build();
    }

    /**
     * The command menu once per language: English as the default for every client language, then one scoped to
     * each other language's {@code language_code}, so a Korean Telegram shows the Korean menu.
     */
    public static List<SetMyCommands> menus() {
        List<SetMyCommands> menus = new ArrayList<>();
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            List<BotCommand> commands = BotMenu.ENTRIES.stream()
                    .map(entry -> new BotCommand(entry.command(), messages.text(entry.description())))
                    .toList();
            menus.add(language == Language.ENGLISH
                    ? SetMyCommands.builder().commands(commands).build()
                    : SetMyCommands.builder().commands(commands).languageCode(language.code()).build());
        }
        return menus;
    }

    private static String firstName(User user) {
        return user == null || user.getFirstName() == null ? "" : user.getFirstName();
    }

    private static String language(User user) {
        return user == null ? null : user.getLanguageCode();
    }
}
