package dev.fxalert.bot.command;

import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalTime;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * /digest (issue 15): {@code /digest 08:30} asks for a daily digest at that time in the user's zone, {@code /digest off}
 * stops it, {@code /digest} shows it. The time is stored on the user, then the user's schedule is created, replaced
 * or deleted through the {@link ScheduleManager} port ({@link DigestSchedules}); the schedule fires the digest
 * handler. Where this runtime has no schedule manager the choice is only stored (scheduled at the next start).
 * <p>
 * The stored time is the truth; the schedule follows it. A schedule that cannot be put (Scheduler unavailable or
 * throttled) keeps the stored time and the reply says to send the command again; a schedule that cannot be deleted
 * sends nothing (the digest handler finds no digest time and deletes it when it fires). A new time zone puts the
 * schedule again in that zone ({@link #zoneChanged}).
 */
final class DigestCommand implements CommandHandler {

    private static final Logger log = LoggerFactory.getLogger(DigestCommand.class);

    /** What became of a change's schedule. */
    enum Scheduled { YES, NO_SCHEDULER, FAILED }

    private final UserStore users;
    private final Supplier<ScheduleManager> schedules;
    private final Supplier<String> group;

    DigestCommand(UserStore users, Supplier<ScheduleManager> schedules, Supplier<String> group) {
        this.users = users;
        this.schedules = schedules;
        this.group = group;
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
        Scheduled scheduled = change(user, at.toString());
        // Never promise a digest this runtime cannot send (no schedule manager here, or its schedule failed).
        return context.reply(switch (scheduled) {
            case YES -> Msg.DIGEST_SET;
            case NO_SCHEDULER -> Msg.DIGEST_SET_NOT_SCHEDULED;
            case FAILED -> Msg.DIGEST_SET_SCHEDULE_FAILED;
        }, at.toString(), zone);
    }

    /**
     * Stores the choice, then (re)schedules. A schedule that fails to change leaves the stored choice: the next
     * /digest, time zone change or (locally) start applies it.
     */
    Scheduled change(User user, String digestTime) {
        users.setDigestTime(user.id(), digestTime);
        return reschedule(users.findById(user.id()).orElse(user));
    }

    /**
     * After the user's zone changed: the schedule is read in the zone, so a user with a digest gets it put again
     * there. The zone change itself stands whatever happens here.
     */
    void zoneChanged(String userId) {
        users.findById(userId).filter(user -> user.digestTime() != null).ifPresent(this::reschedule);
    }

    private Scheduled reschedule(User user) {
        ScheduleManager manager = schedules.get();
        if (manager == null) {
            return Scheduled.NO_SCHEDULER;
        }
        try {
            DigestSchedules.apply(manager, user, group.get());
            return Scheduled.YES;
        } catch (RuntimeException e) {
            // Kept: the stored time. Lost for now: the schedule's change (a delete is made up for when it fires).
            log.warn("could not change the digest schedule of user {}", user.id(), e);
            return Scheduled.FAILED;
        }
    }
}
