package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.EvaluationAlerts;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.evaluation.message.PushMessages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fired alerts to pushes: the owners are read in one batch ({@link UserStore#findByIds}), not one read per alert,
 * and kept in {@code owners} (the caller's cache: one event's or one drain's), so an owner with many alerts is
 * read once. An alert whose owner is unknown or inactive has nobody to tell: its pending push is closed.
 */
record PushBatch(List<Push> toSend, int ownerGone) {

    private static final int MAX_CACHED_OWNERS = 50_000;

    static PushBatch of(List<Alert> fired, EvaluationAlerts alerts, UserStore users, PushMessages messages,
                        Map<String, User> owners) {
        Set<String> missing = new HashSet<>();
        for (Alert alert : fired) {
            if (!owners.containsKey(alert.owner().userId())) {
                missing.add(alert.owner().userId());
            }
        }
        if (!missing.isEmpty()) {
            if (owners.size() + missing.size() > MAX_CACHED_OWNERS) {
                owners.clear(); // bounded: a drain of 50,000 pushes to 50,000 users must not hold them all
            }
            owners.putAll(users.findByIds(missing));
        }
        List<Push> toSend = new ArrayList<>();
        int ownerGone = 0;
        for (Alert alert : fired) {
            User owner = owners.get(alert.owner().userId());
            Firing firing = alert.lastFiring();
            if (owner == null || !owner.active()) {
                // Nobody to tell: the owner blocked the bot (their alerts get paused) or no longer exists.
                alerts.markPushDelivered(alert.id(), firing.eventId());
                ownerGone++;
                continue;
            }
            toSend.add(new Push(alert.id(), alert.owner().userId(), firing.eventId(), firing.firedAt(),
                    messages.fired(alert, owner.language(), owner.zone()), alert.push().attempts()));
        }
        return new PushBatch(toSend, ownerGone);
    }

    static Map<String, User> newOwnerCache() {
        return new LinkedHashMap<>();
    }
}
