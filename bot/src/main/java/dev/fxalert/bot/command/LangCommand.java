package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Language;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UserStore;

import java.util.Optional;

/**
 * /lang: which language the bot writes in; {@code /lang ko} or {@code /lang en} changes it for every later reply
 * and push (stored on the user, so it outlives Telegram's language setting and restarts). The answer to a change
 * is already in the new language.
 */
final class LangCommand implements CommandHandler {

    private final UserStore users;

    LangCommand(UserStore users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "lang";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_LANG;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String typed = context.arguments().strip();
        if (typed.isEmpty()) {
            return context.reply(Msg.LANG_CURRENT);
        }
        Optional<Language> chosen = Language.parse(typed);
        if (chosen.isEmpty()) {
            throw new InvalidInputException(Msg.LANG_UNKNOWN, NumberInput.abbreviate(typed));
        }
        users.setLanguage(context.user().id(), chosen.get().code());
        return OutgoingMessage.text(context.chatId(), Messages.of(chosen.get()).text(Msg.LANG_CHANGED));
    }
}
