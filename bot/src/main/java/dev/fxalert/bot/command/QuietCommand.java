package dev.fxalert.bot.command;

import dev.fxalert.core.domain.QuietHours;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UserStore;

import java.util.Locale;

/**
 * /quiet (issue 15): {@code /quiet 23:00-07:00} sets the user's quiet hours in their own time zone, {@code /quiet off}
 * removes them, {@code /quiet} shows them. Pushes that fire during quiet hours are held in the outbox and come as
 * one summary when they end (delivery's {@code PushBatch}); this command only stores the choice on the user.
 */
final class QuietCommand implements CommandHandler {

    static final String OFF = "off";

    private final UserStore users;

    QuietCommand(UserStore users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "quiet";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_QUIET;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String typed = context.arguments().strip();
        String zone = context.user().zone().getId();
        if (typed.isEmpty()) {
            QuietHours quiet = context.user().quiet();
            return quiet == null ? context.reply(Msg.QUIET_NONE, zone)
                    : context.reply(Msg.QUIET_CURRENT, quiet.toString(), zone);
        }
        if (typed.toLowerCase(Locale.ROOT).equals(OFF)) {
            users.setQuietHours(context.user().id(), null);
            return context.reply(Msg.QUIET_OFF);
        }
        QuietHours quiet = QuietHours.parse(typed);
        users.setQuietHours(context.user().id(), quiet.toString());
        return context.reply(Msg.QUIET_SET, quiet.toString(), zone, quiet.end().toString());
    }
}
