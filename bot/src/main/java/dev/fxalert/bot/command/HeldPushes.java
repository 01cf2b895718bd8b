package dev.fxalert.bot.command;

import dev.fxalert.core.domain.QuietHours;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.evaluation.DeliveryTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Quiet hours released (issue 15): delivery holds a push for an owner in quiet hours until their end
 * ({@code EvaluationAlerts.holdPush}). When the owner turns quiet hours off, or changes them or their zone, the
 * pushes held until the old end must not wait for it:
 * <ul>
 *   <li>now no longer quiet: they are due now ({@link OwnerAlerts#releaseHeldPushes}) and the delivery path is woken
 *       with the signal evaluation gives after recording pushes ({@link DeliveryTrigger});</li>
 *   <li>still quiet now but ending at another time: they are held until the new end instead (nothing to wake).</li>
 * </ul>
 * The outbox keeps its guarantees: the store moves only pushes still pending and still held until the old end, one
 * conditional write each, so a push delivered meanwhile is never pending again and none is lost. A lost wake-up only
 * delays them to the next sweep.
 */
final class HeldPushes {

    private static final Logger log = LoggerFactory.getLogger(HeldPushes.class);

    private final OwnerAlerts alerts;
    private final Clock clock;
    private volatile DeliveryTrigger delivery;

    HeldPushes(OwnerAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    void wakeWith(DeliveryTrigger trigger) {
        this.delivery = trigger;
    }

    /**
     * After {@code before}'s quiet hours or zone were changed to {@code quiet} (null: off) in {@code zone}: moves the
     * pushes held until the old quiet end, when that end changed. Never throws: the change itself is stored, and a
     * push left held still comes at the old end.
     */
    void changed(User before, QuietHours quiet, ZoneId zone) {
        try {
            QuietHours old = before.quiet();
            Instant now = clock.instant();
            Instant heldUntil = old == null ? null : old.endIfQuiet(now, before.zone());
            if (heldUntil == null) {
                return; // not quiet now: nothing is held for a future end
            }
            Instant newEnd = quiet == null ? null : quiet.endIfQuiet(now, zone);
            if (heldUntil.equals(newEnd)) {
                return;
            }
            int moved = alerts.releaseHeldPushes(before.id(), heldUntil, newEnd == null ? now : newEnd);
            DeliveryTrigger wake = delivery;
            if (moved > 0 && newEnd == null && wake != null) {
                wake.pushesRecorded("quiet-released-" + before.id(), moved);
            }
        } catch (RuntimeException e) {
            log.warn("could not release the held pushes of user {}; they come at their quiet end: {}", before.id(),
                    e.toString());
        }
    }
}
