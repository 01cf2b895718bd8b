package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.EvaluationAlerts;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.evaluation.delivery.PushSender;
import dev.fxalert.evaluation.message.PushMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a rate event into pushes, exactly once per alert firing:
 * <ol>
 *   <li>reads only the alerts the rate crosses or re-arms (index range reads, never a scan);</li>
 *   <li>fires each crossed alert with a conditional ARMED-to-FIRED write that also records the pending push;
 *       only the caller whose write won sends, so duplicate, replayed or concurrent deliveries of one event notify
 *       once;</li>
 *   <li>re-arms re-arm alerts the rate took back past their band;</li>
 *   <li>sends the pushes it won; each is cleared in the store as soon as Telegram accepted it.</li>
 * </ol>
 * A crash between 2 and 4 leaves the push pending; {@link #sweepPendingPushes()} sends it later.
 */
public final class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final EvaluationAlerts alerts;
    private final UserStore users;
    private final PushSender sender;
    private final Clock clock;
    private final EvaluationConfig config;
    private final PushMessages messages = new PushMessages();

    public EvaluationService(EvaluationAlerts alerts, UserStore users, PushSender sender, Clock clock,
                             EvaluationConfig config) {
        this.alerts = alerts;
        this.users = users;
        this.sender = sender;
        this.clock = clock;
        this.config = config;
    }

    public EvaluationResult onRateUpdated(RateUpdated event) {
        Rate rate = event.toRate();
        List<Alert> crossed = alerts.findCrossed(event.pair(), event.rate());
        List<Alert> rearmable = alerts.findRearmable(event.pair(), event.rate());

        List<Alert> won = new ArrayList<>();
        int alreadyFired = 0;
        for (Alert alert : crossed) {
            if (!alert.firesAt(event.rate())) {
                continue; // The store's range read is the filter; this guards against an adapter bug firing wrongly.
            }
            Firing firing = Firing.of(event.eventId(), rate, clock.instant());
            if (alerts.markFired(alert.id(), firing)) {
                won.add(alert.fire(firing));
            } else {
                alreadyFired++;
            }
        }

        int rearmed = 0;
        for (Alert alert : rearmable) {
            if (alert.rearmsAt(event.rate()) && alerts.rearm(alert.id())) {
                rearmed++;
            }
        }

        Pushes pushes = pushesFor(won);
        DeliveryCounts counts = pushes.toSend.isEmpty() ? DeliveryCounts.NONE : DeliveryCounts.of(sender.send(pushes.toSend));
        EvaluationResult result = new EvaluationResult(event.eventId(), crossed.size(), won.size(), alreadyFired,
                rearmed, pushes.ownerGone, counts);
        log.info("evaluated {} {} = {}: {}", event.eventId(), event.pair(), event.rate().toPlainString(), result);
        return result;
    }

    /**
     * Sends pushes still pending from earlier firings (a crash after the transition, a failed round, a shutdown),
     * at most one batch of those that are due, earliest next attempt first: a push that keeps failing is moved
     * back after each round (and dead-lettered after the last allowed one), so it cannot hold the batch and starve
     * newer pushes. Skips never-tried pushes younger than the grace period: the evaluation that fired them is
     * probably sending them right now.
     */
    public SweepResult sweepPendingPushes() {
        Instant now = clock.instant();
        List<Alert> pending = alerts.findPendingPushes(now, config.sweepBatchSize());
        Instant freshAfter = now.minus(config.sweepGrace());
        List<Alert> due = new ArrayList<>();
        int tooFresh = 0;
        for (Alert alert : pending) {
            if (!alert.pushPending() || alert.lastFiring() == null) {
                continue;
            }
            if (alert.push().attempts() == 0 && alert.lastFiring().firedAt().isAfter(freshAfter)) {
                tooFresh++;
            } else {
                due.add(alert);
            }
        }
        Pushes pushes = pushesFor(due);
        DeliveryCounts counts = pushes.toSend.isEmpty() ? DeliveryCounts.NONE : DeliveryCounts.of(sender.send(pushes.toSend));
        SweepResult result = new SweepResult(pending.size(), tooFresh, pushes.ownerGone, counts);
        log.info("swept pending pushes: {}", result);
        return result;
    }

    private Pushes pushesFor(List<Alert> fired) {
        List<Push> toSend = new ArrayList<>();
        int ownerGone = 0;
        for (Alert alert : fired) {
            Optional<User> owner = users.findById(alert.owner().userId()).filter(User::active);
            Firing firing = alert.lastFiring();
            if (owner.isEmpty()) {
                // Nobody to tell: the owner blocked the bot (their alerts get paused) or no longer exists.
                alerts.markPushDelivered(alert.id(), firing.eventId());
                ownerGone++;
                continue;
            }
            toSend.add(new Push(alert.id(), alert.owner().userId(), firing.eventId(), firing.observedAt(),
                    messages.fired(alert, owner.get().language()), alert.push().attempts()));
        }
        return new Pushes(toSend, ownerGone);
    }

    private record Pushes(List<Push> toSend, int ownerGone) {
    }
}
