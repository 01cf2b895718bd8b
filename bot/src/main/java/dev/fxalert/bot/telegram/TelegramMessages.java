package dev.fxalert.bot.telegram;

import dev.fxalert.bot.command.BotMenu;
import dev.fxalert.bot.command.ChatMembershipChange;
import dev.fxalert.bot.command.IncomingCallback;
import dev.fxalert.bot.command.IncomingInlineQuery;
import dev.fxalert.bot.command.InlineAnswer;
import dev.fxalert.bot.command.IncomingMessage;
import dev.fxalert.core.i18n.Language;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
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
                update.getUpdateId() == null ? null : "telegram-update-" + update.getUpdateId(), sender(message)));
    }

    /**
     * Who sent a message: the person, or the chat itself when the group speaks as itself (an anonymous
     * administrator's message has sender_chat = the group and a placeholder bot as from).
     */
    private static long sender(Message message) {
        if (message.getSenderChat() != null && message.getChatId().equals(message.getSenderChat().getId())) {
            return message.getChatId();
        }
        return message.getFrom() == null ? message.getChatId() : message.getFrom().getId();
    }

    /**
     * What happened to a chat (issue 16): a group upgraded to a supergroup (the service message in the old group
     * carries migrate_to_chat_id, the one in the new supergroup migrate_from_chat_id; either moves its alerts), or
     * the bot removed from or added back to a group (my_chat_member). Empty for anything else, and for private
     * chats, where a block is learnt from delivery's 403.
     */
    public static Optional<ChatMembershipChange> membership(Update update) {
        if (update.hasMessage()) {
            Message message = update.getMessage();
            String language = language(message.getFrom());
            if (message.getMigrateToChatId() != null) {
                return Optional.of(new ChatMembershipChange(ChatMembershipChange.Kind.MIGRATED, message.getChatId(),
                        message.getMigrateToChatId(), language));
            }
            if (message.getMigrateFromChatId() != null) {
                return Optional.of(new ChatMembershipChange(ChatMembershipChange.Kind.MIGRATED,
                        message.getMigrateFromChatId(), message.getChatId(), language));
            }
            return Optional.empty();
        }
        ChatMemberUpdated change = update.getMyChatMember();
        if (change == null || change.getChat() == null || Boolean.TRUE.equals(change.getChat().isUserChat())
                || change.getNewChatMember() == null) {
            return Optional.empty();
        }
        long chatId = change.getChat().getId();
        String language = language(change.getFrom());
        boolean inNow = isIn(change.getNewChatMember());
        boolean inBefore = change.getOldChatMember() != null && isIn(change.getOldChatMember());
        if (!inNow && inBefore) {
            return Optional.of(new ChatMembershipChange(ChatMembershipChange.Kind.REMOVED, chatId, chatId, language));
        }
        if (inNow && !inBefore) {
            return Optional.of(new ChatMembershipChange(ChatMembershipChange.Kind.ADDED, chatId, chatId, language));
        }
        return Optional.empty(); // e.g. promoted to administrator: still in the group
    }

    /** Whether a chat member status means the bot is in the chat (restricted members may still be in it). */
    private static boolean isIn(ChatMember member) {
        String status = member.getStatus();
        if ("restricted".equals(status) && member instanceof ChatMemberRestricted restricted) {
            return Boolean.TRUE.equals(restricted.getIsMember());
        }
        return !"left".equals(status) && !"kicked".equals(status);
    }

    /** The administrators' answer to getChatMember: the group's creator or one of its administrators. */
    static boolean isAdministrator(ChatMember member) {
        return member != null && ("creator".equals(member.getStatus()) || "administrator".equals(member.getStatus()));
    }

    /**
     * The update types the bot asks Telegram for, in long polling (getUpdates) and for the webhook (setWebhook,
     * docs/runbook.md): messages and button presses, and (issue 16) inline queries and the bot's own membership
     * of groups. The same list in both, so both runtimes see the same updates.
     */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query",
            "my_chat_member");

    public static Optional<IncomingCallback> callback(Update update) {
        if (!update.hasCallbackQuery()) {
            return Optional.empty();
        }
        CallbackQuery query = update.getCallbackQuery();
        // The message under the button carries the chat; without it (very old messages) the presser's own chat.
        long chatId = query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
        boolean privateChat = query.getMessage() == null || query.getMessage().getChat() == null
                || Boolean.TRUE.equals(query.getMessage().getChat().isUserChat());
        // The message id lets the press be answered by editing that message; its text (absent when Telegram no
        // longer gives it) lets the edit keep what the message said.
        long messageId = query.getMessage() != null && query.getMessage().getMessageId() != null
                ? query.getMessage().getMessageId() : 0;
        String messageText = query.getMessage() instanceof Message message ? message.getText() : null;
        return Optional.of(new IncomingCallback(query.getId(), chatId, query.getData(), firstName(query.getFrom()),
                language(query.getFrom()), privateChat, query.getFrom().getId(), messageId, messageText));
    }

    /** Someone typing {@code @bot ...} in any chat (issue 16); empty for other updates. */
    public static Optional<IncomingInlineQuery> inlineQuery(Update update) {
        if (!update.hasInlineQuery()) {
            return Optional.empty();
        }
        InlineQuery query = update.getInlineQuery();
        return Optional.of(new IncomingInlineQuery(query.getId(), query.getFrom().getId(), query.getQuery(),
                language(query.getFrom())));
    }

    /**
     * answerInlineQuery for our answer: each card an article whose chosen text is posted as plain text (no parse
     * mode, like every message of ours), with the cache time and is_personal the conversation chose.
     */
    public static AnswerInlineQuery answer(String queryId, InlineAnswer answer) {
        List<InlineQueryResult> results = answer.cards().stream()
                .map(card -> (InlineQueryResult) InlineQueryResultArticle.builder().id(card.id()).title(card.title())
                        .description(card.description())
                        .inputMessageContent(InputTextMessageContent.builder().messageText(card.text()).build())
                        .build())
                .toList();
        return AnswerInlineQuery.builder().inlineQueryId(queryId).results(results)
                .cacheTime(answer.cacheSeconds()).isPersonal(answer.personal()).build();
    }

    /** The chat an update belongs to, so updates of one chat can be handled in order; empty for others. */
    public static Optional<Long> chatId(Update update) {
        return message(update).map(IncomingMessage::chatId).or(() -> callback(update).map(IncomingCallback::chatId))
                .or(() -> membership(update).map(ChatMembershipChange::chatId))
                .or(() -> inlineQuery(update).map(IncomingInlineQuery::senderId));
    }

    public static AnswerCallbackQuery answer(String callbackId, String text) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId);
        if (text != null && !text.isBlank()) {
            answer.text(text);
        }
        return answer.build();
    }

    /** One reply as the sendMessage call that carries it: the same call whether sent or put in a webhook's response. */
    public static SendMessage reply(OutgoingMessage message) {
        return TelegramNotifier.toSendMessage(message);
    }

    /**
     * The command menu once per language: English as the default for every client language, then one scoped to
     * each other language's {@code language_code}, so a Korean Telegram shows the Korean menu. Each language has
     * three (issue 16): the default (private chats: everything), group members (without the commands that change
     * the group's alerts) and group administrators (everything again); Telegram shows the narrowest that applies.
     */
    public static List<SetMyCommands> menus() {
        List<SetMyCommands> menus = new ArrayList<>();
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            menus.add(menu(language, messages, BotMenu.ENTRIES, null));
            menus.add(menu(language, messages, BotMenu.forGroupMembers(), new BotCommandScopeAllGroupChats()));
            menus.add(menu(language, messages, BotMenu.ENTRIES, new BotCommandScopeAllChatAdministrators()));
        }
        return menus;
    }

    private static SetMyCommands menu(Language language, Messages messages, List<BotMenu.Entry> entries,
                                      BotCommandScope scope) {
        List<BotCommand> commands = entries.stream()
                .map(entry -> new BotCommand(entry.command(), messages.text(entry.description())))
                .toList();
        SetMyCommands.SetMyCommandsBuilder<?, ?> menu = SetMyCommands.builder().commands(commands);
        if (language != Language.ENGLISH) {
            menu.languageCode(language.code());
        }
        if (scope != null) {
            menu.scope(scope);
        }
        return menu.build();
    }

    private static String firstName(User user) {
        return user == null || user.getFirstName() == null ? "" : user.getFirstName();
    }

    private static String language(User user) {
        return user == null ? null : user.getLanguageCode();
    }
}
