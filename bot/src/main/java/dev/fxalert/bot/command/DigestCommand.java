package dev.fxalert.bot.command;

import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserStore;

import java.time.LocalTime;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * /digest (issue 15): {@code /digest 08:30} asks for a daily digest at that time in the user's zone, {@code /digest off}
 * stops it, {@code /digest} shows it. The time is stored on the user, then the user's schedule is created, replaced
 * or deleted through the {@link ScheduleManager} port ({@link DigestSchedules}); the schedule fires the digest
 * handler. Where this runtime has no schedule manager the choice is only stored (scheduled at the next start).
 */
final class DigestCommand implements CommandHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DigestCommand.class);

    private final UserStore users;
    private final Supplier<ScheduleManager> schedules;

    DigestCommand(UserStore users, Supplier<ScheduleManager> schedules) {
        this.users = users;
        this.schedules = schedules;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_DIGEST;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String typed = context.arguments().strip();
        User user = context.user();
        String zone = user.zone().getId();
        if (typed.isEmpty()) {
            return user.digestTime() == null ? context.reply(Msg.DIGEST_NONE, zone)
                    : context.reply(Msg.DIGEST_CURRENT, user.digestTime(), zone);
        }
        if (typed.toLowerCase(Locale.ROOT).equals(QuietCommand.OFF)) {
            change(user, null);
            return context.reply(Msg.DIGEST_OFF);
        }
        LocalTime at = DigestSchedules.parseTime(typed);
        boolean scheduled = change(user, at.toString());
        // Never promise a digest this runtime cannot send (no schedule manager here yet).
        return context.reply(scheduled ? Msg.DIGEST_SET : Msg.DIGEST_SET_NOT_SCHEDULED, at.toString(), zone);
    }

    /**
     * The user's zone changed (issue 15 audit, branch quiet15b): the digest schedule is read in the user's zone, so
     * a user with a digest gets it moved there at once (locally it would otherwise move only at the next start).
     * Never throws: the zone is stored either way.
     */
    void zoneChanged(User before) {
        ScheduleManager manager = schedules.get();
        if (manager == null || before.digestTime() == null) {
            return;
        }
        try {
            users.findById(before.id()).ifPresent(now -> DigestSchedules.apply(manager, now));
        } catch (RuntimeException e) {
            log.warn("could not move the digest of user {} to its new zone: {}", before.id(), e.toString());
        }
    }

    /**
     * Stores the choice, then (re)schedules; false when this runtime has no schedule manager (only stored). A
     * schedule that fails to change leaves a stored choice the next start applies (locally).
     */
    boolean change(User user, String digestTime) {
        users.setDigestTime(user.id(), digestTime);
        ScheduleManager manager = schedules.get();
        if (manager == null) {
            return false;
        }
        DigestSchedules.apply(manager, users.findById(user.id()).orElse(user));
        return true;
    }
}
