package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.QuietHours;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.EvaluationAlerts;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.evaluation.message.PushMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fired alerts to pushes: the owners are read in one batch ({@link UserStore#findByIds}), not one read per alert,
 * and kept in {@code owners} (the caller's cache: one event's or one drain's), so an owner with many alerts is
 * read once. An alert whose owner is unknown or inactive has nobody to tell: its pending push is closed.
 * <p>
 * Quiet hours (issue 15), for every path that sends pushes:
 * <ul>
 *   <li>an owner in quiet hours {@code now}: the push is <b>held</b>, not sent: it stays pending, due at the end of
 *       those quiet hours ({@link EvaluationAlerts#holdPush}), without counting an attempt;</li>
 *   <li>a push whose firing time fell in the owner's quiet hours, now over: it was held (or is the retry of a
 *       summary), so all such pushes of one owner in this batch become <b>one summary message</b>
 *       ({@link PushMessages#quietSummary}), carried by one {@link Push} whose {@link Push#grouped()} entries are
 *       settled with it (see {@link OutboxDelivery} for the protocol).</li>
 * </ul>
 * Whether a push was held is not stored: it is read from the firing time and the owner's quiet hours, so a push
 * that failed before the owner set quiet hours and is retried during them is held too.
 */
record PushBatch(List<Push> toSend, int ownerGone, int held) {

    private static final Logger log = LoggerFactory.getLogger(PushBatch.class);
    private static final int MAX_CACHED_OWNERS = 50_000;

    static PushBatch of(List<Alert> fired, EvaluationAlerts alerts, UserStore users, PushMessages messages,
                        Map<String, User> owners, Instant now) {
        loadOwners(fired, users, owners);
        refreshOwnersToHold(fired, users, owners, now);
        List<Push> toSend = new ArrayList<>();
        Map<String, List<Alert>> summaries = new LinkedHashMap<>();
        int ownerGone = 0;
        int held = 0;
        for (Alert alert : fired) {
            User owner = owners.get(alert.owner().userId());
            Firing firing = alert.lastFiring();
            if (owner == null || !owner.active()) {
                // Nobody to tell: the owner blocked the bot (their alerts get paused) or no longer exists.
                alerts.markPushDelivered(alert.id(), firing.eventId());
                ownerGone++;
                continue;
            }
            QuietHours quiet = owner.quiet();
            if (quiet != null) {
                Instant quietEnd = quiet.endIfQuiet(now, owner.zone());
                if (quietEnd != null) {
                    if (alerts.holdPush(alert.id(), firing.eventId(), quietEnd)) {
                        held++;
                    }
                    continue;
                }
                if (firedInQuietHours(alert, owner)) {
                    summaries.computeIfAbsent(owner.id(), id -> new ArrayList<>()).add(alert);
                    continue;
                }
            }
            toSend.add(new Push(alert.id(), alert.owner().userId(), firing.eventId(), firing.firedAt(),
                    messages.fired(alert, owner.language(), owner.zone()), alert.push().attempts()));
        }
        for (List<Alert> group : summaries.values()) {
            toSend.add(summary(group, owners.get(group.get(0).owner().userId()), messages));
        }
        if (held > 0) {
            log.info("held {} pushes for owners in quiet hours", held);
        }
        return new PushBatch(toSend, ownerGone, held);
    }

    /**
     * A drain keeps the owners it read for its whole run (minutes, on AWS): before holding a push, its owner is read
     * again (one batch read, only for owners about to be held, so rarely), so quiet hours turned off or changed
     * meanwhile ({@code /quiet off}) hold nothing until their old end (issue 15, branch quiet15b).
     */
    private static void refreshOwnersToHold(List<Alert> fired, UserStore users, Map<String, User> owners, Instant now) {
        Set<String> toHold = new HashSet<>();
        for (Alert alert : fired) {
            User owner = owners.get(alert.owner().userId());
            if (owner != null && owner.active() && owner.quiet() != null
                    && owner.quiet().endIfQuiet(now, owner.zone()) != null) {
                toHold.add(owner.id());
            }
        }
        if (!toHold.isEmpty()) {
            Map<String, User> fresh = users.findByIds(toHold);
            for (String id : toHold) {
                if (fresh.containsKey(id)) {
                    owners.put(id, fresh.get(id));
                } else {
                    owners.remove(id); // gone meanwhile: its push is closed below, as for any unknown owner
                }
            }
        }
    }

    /** True when the push's firing fell in the owner's quiet hours: it was held and belongs in a summary. */
    static boolean firedInQuietHours(Alert alert, User owner) {
        QuietHours quiet = owner.quiet();
        return quiet != null && alert.lastFiring() != null
                && quiet.endIfQuiet(alert.lastFiring().firedAt(), owner.zone()) != null;
    }

    /**
     * One message for an owner's held pushes: carried by the earliest firing's outbox entry, the others
     * {@linkplain Push#grouped() grouped} with it; it counts the most attempts any of them has had.
     */
    private static Push summary(List<Alert> group, User owner, PushMessages messages) {
        Alert carrier = group.get(0);
        List<Push.Entry> grouped = new ArrayList<>();
        int attempts = 0;
        for (Alert alert : group) {
            attempts = Math.max(attempts, alert.push().attempts());
            if (alert != carrier) {
                grouped.add(new Push.Entry(alert.id(), alert.lastFiring().eventId()));
            }
        }
        return new Push(carrier.id(), owner.id(), carrier.lastFiring().eventId(), carrier.lastFiring().firedAt(),
                messages.quietSummary(group, owner.chatId(), owner.language(), owner.zone()), attempts, grouped);
    }

    /** Reads the owners of {@code fired} not in {@code owners} yet, in one batch. */
    static void loadOwners(Collection<Alert> fired, UserStore users, Map<String, User> owners) {
        Set<String> missing = new HashSet<>();
        for (Alert alert : fired) {
            if (!owners.containsKey(alert.owner().userId())) {
                missing.add(alert.owner().userId());
            }
        }
        if (!missing.isEmpty()) {
            if (owners.size() + missing.size() > MAX_CACHED_OWNERS) {
                owners.clear(); // bounded: a drain of 50,000 pushes to 50,000 users must not hold them all
                fired.forEach(alert -> missing.add(alert.owner().userId())); // this batch's cached ones too
            }
            owners.putAll(users.findByIds(missing));
        }
    }

    static Map<String, User> newOwnerCache() {
        return new LinkedHashMap<>();
    }
}
