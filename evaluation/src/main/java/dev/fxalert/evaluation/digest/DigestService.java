package dev.fxalert.evaluation.digest;

import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.message.DigestMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one user's daily digest when their schedule fires (issue 15): the local scheduler's target and the AWS
 * digest handler both call {@link #send(String)}.
 * <p>
 * Protocol, idempotent per user and local date:
 * <ol>
 *   <li>reads the user; nothing to do when they are unknown, inactive or no longer want a digest. A schedule that
 *       outlived /digest off or its user (its deletion failed, or the user was removed) is deleted here, when a
 *       {@link ScheduleManager} is given; an inactive user's schedule is kept (it sends nothing, and their
 *       digest comes again when they return, without typing /digest again);</li>
 *   <li>claims the digest of the user's local date ({@link UserStore#claimDigest}, one conditional write): a
 *       schedule that fires twice (Scheduler is at-least-once) or two racing handlers send one digest;</li>
 *   <li>builds it from the store (the pairs of the user's armed and fired alerts in name order, their latest rate
 *       and the last rate of an earlier local day than it, from {@link RateHistory}) and sends it through {@code budget}: the bot's one
 *       send budget (the paced sender's limiter, taking turns with pushes), never a second sender.</li>
 * </ol>
 * Claiming before sending makes a crash between the two lose that day's digest rather than ever send it twice: the
 * same choice as the outcome-unknown rule for pushes (docs/delivery.md).
 */
public final class DigestService {

    /** How far back the previous day's rate is looked for (a weekend and a holiday between two fixings). */
    private static final Duration LOOK_BACK = Duration.ofDays(5);
    private static final int HISTORY_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    public enum Outcome { SENT, ALREADY_SENT, NOT_WANTED, FAILED }

    private final UserStore users;
    private final OwnerAlerts alerts;
    private final RateHistory history;
    private final Notifier budget;
    private final Clock clock;
    private final ScheduleManager schedules;
    private final String group;
    private final DigestMessages messages = new DigestMessages();

    /** Leaves stale schedules alone (the local scheduler: /digest off deletes there, and a restart forgets them). */
    public DigestService(UserStore users, OwnerAlerts alerts, RateHistory history, Notifier budget, Clock clock) {
        this(users, alerts, history, budget, clock, null, DigestSchedules.GROUP);
    }

    /**
     * @param schedules where a stale digest schedule of {@code group} is deleted (EventBridge Scheduler on AWS); null:
     *                  none is
     */
    public DigestService(UserStore users, OwnerAlerts alerts, RateHistory history, Notifier budget, Clock clock,
                         ScheduleManager schedules, String group) {
        this.users = users;
        this.alerts = alerts;
        this.history = history;
        this.budget = budget;
        this.clock = clock;
        this.schedules = schedules;
        this.group = group;
    }

    public Outcome send(String userId) {
        Optional<User> found = users.findById(userId);
        if (found.isEmpty() || found.get().digestTime() == null) {
            deleteStaleSchedule(userId);
            return Outcome.NOT_WANTED;
        }
        return send(found.get());
    }

    /**
     * Steps 2 and 3 for a user read already ({@link DigestBatch}: a page of the users of one digest time): nothing
     * for an inactive user or one without a digest time (no schedule is deleted here), else claimed and sent.
     */
    public Outcome send(User user) {
        if (!user.active() || user.digestTime() == null) {
            return Outcome.NOT_WANTED;
        }
        ZoneId zone = user.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (!users.claimDigest(user.id(), today)) {
            return Outcome.ALREADY_SENT;
        }
        List<Alert> owned = alerts.listByOwner(user.id()).stream()
                .filter(alert -> alert.state() != AlertState.PAUSED).toList();
        Map<CurrencyPair, DigestMessages.PairRates> rates = new java.util.TreeMap<>(
                java.util.Comparator.comparing(CurrencyPair::toString));
        for (Alert alert : owned) {
            rates.computeIfAbsent(alert.pair(), pair -> rates(pair, zone));
        }
        DeliveryResult result = budget.send(messages.digest(user.chatId(), user.language(), zone, today, owned, rates));
        if (result instanceof DeliveryResult.Delivered) {
            return Outcome.SENT;
        }
        if (result instanceof DeliveryResult.RecipientGone) {
            users.deactivate(user.id());
        }
        log.warn("digest of {} for user {} not delivered: {}", today, user.id(), result);
        return Outcome.FAILED;
    }

    /**
     * Deletes the schedule that fired for a user who has no digest (any more). A failure is only logged: the
     * schedule fires again the next day and this runs again. Window, stated: a /digest 09:00 whose schedule is put
     * between the read above and this deletion loses its schedule (the time stays stored; the user's next /digest or
     * time zone change puts it again). That needs the command within milliseconds of the old schedule's firing; the
     * deleting side (Delivery on AWS) may not create schedules, so it cannot put it back itself.
     */
    private void deleteStaleSchedule(String userId) {
        if (schedules == null || userId == null || userId.isBlank()) {
            return;
        }
        try {
            schedules.deleteUserSchedule(group, DigestSchedules.name(userId));
            log.info("deleted the stale digest schedule of user {}", userId);
        } catch (RuntimeException e) {
            log.warn("could not delete the stale digest schedule of user {}; it is tried again when it fires", userId, e);
        }
    }

    /** The latest rate and the newest one observed on an earlier local day than it. */
    private DigestMessages.PairRates rates(CurrencyPair pair, ZoneId zone) {
        Instant since = clock.instant().minus(LOOK_BACK);
        List<Rate> recent = history.recent(pair, since, HISTORY_LIMIT); // newest first
        Rate latest = recent.isEmpty() ? history.latest(pair).orElse(null) : recent.get(0);
        if (latest == null) {
            return new DigestMessages.PairRates(null, null);
        }
        LocalDate latestDay = latest.observedAt().atZone(zone).toLocalDate();
        Rate previous = recent.stream().filter(rate -> rate.observedAt().atZone(zone).toLocalDate().isBefore(latestDay))
                .findFirst().orElse(null);
        return new DigestMessages.PairRates(latest, previous);
    }
}
