package dev.fxalert.bot.command;

import dev.fxalert.core.domain.QuietHours;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UserStore;

import java.util.Locale;

/**
 * /quiet (issue 15): {@code /quiet 23:00-07:00} sets the user's quiet hours in their own time zone, {@code /quiet off}
 * removes them, {@code /quiet} shows them. Pushes that fire during quiet hours are held in the outbox and come as
 * one summary when they end (delivery's {@code PushBatch}); this command stores the choice on the user, and pushes
 * already held until the old end come now, or at the new end ({@link HeldPushes}).
 */
final class QuietCommand implements CommandHandler {

    static final String OFF = "off";

    private final UserStore users;
    private final HeldPushes held;

    QuietCommand(UserStore users, HeldPushes held) {
        this.users = users;
        this.held = held;
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
            held.changed(context.user(), null, context.user().zone()); // pushes already held come now
            return context.reply(Msg.QUIET_OFF);
        }
        QuietHours quiet = QuietHours.parse(typed);
        users.setQuietHours(context.user().id(), quiet.toString());
        held.changed(context.user(), quiet, context.user().zone());
        return context.reply(Msg.QUIET_SET, quiet.toString(), zone, quiet.end().toString());
    }
}
