package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UserStore;

import java.time.Clock;
import java.time.ZoneId;

/**
 * /timezone: the zone times are shown in (pushes' observation time); {@code /timezone Asia/Seoul}, a city or an
 * offset changes it (stored on the user). Both answers show the current time there, so a wrong pick is visible.
 */
final class TimezoneCommand implements CommandHandler {

    private final UserStore users;
    private final Clock clock;
    private final HeldPushes held;
    /** Daily digest (issue 15): its schedule is read in the zone, so it moves with it. */
    private final DigestCommand digest;

    TimezoneCommand(UserStore users, Clock clock, HeldPushes held, DigestCommand digest) {
        this.users = users;
        this.clock = clock;
        this.held = held;
        this.digest = digest;
    }

    @Override
    public String name() {
        return "timezone";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_TIMEZONE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String typed = context.arguments().strip();
        if (typed.isEmpty()) {
            ZoneId zone = context.user().zone();
            return context.reply(Msg.TIMEZONE_CURRENT, zone.getId(), Messages.time(clock.instant(), zone));
        }
        String id = ZoneInput.parse(typed);
        users.setTimezone(context.user().id(), id);
        digest.zoneChanged(context.user().id());
        ZoneId zone = ZoneId.of(id);
        held.changed(context.user(), context.user().quiet(), zone); // quiet hours move with the zone
        return context.reply(Msg.TIMEZONE_CHANGED, zone.getId(), Messages.time(clock.instant(), zone));
    }
}
