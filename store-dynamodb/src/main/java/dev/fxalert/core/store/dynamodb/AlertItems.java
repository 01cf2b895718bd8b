package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.PushState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.fxalert.core.store.dynamodb.AttributeValues.bool;
import static dev.fxalert.core.store.dynamodb.AttributeValues.decimal;
import static dev.fxalert.core.store.dynamodb.AttributeValues.flag;
import static dev.fxalert.core.store.dynamodb.AttributeValues.instant;
import static dev.fxalert.core.store.dynamodb.AttributeValues.n;
import static dev.fxalert.core.store.dynamodb.AttributeValues.number;
import static dev.fxalert.core.store.dynamodb.AttributeValues.s;
import static dev.fxalert.core.store.dynamodb.AttributeValues.string;

/**
 * The alerts table's item layout (see docs/dynamodb.md). Besides the alert's own attributes an item carries the
 * keys of the sparse indexes it belongs to in its current state; an attribute absent means "not in that index".
 */
final class AlertItems {

    // Table key and owner index.
    static final String ID = "alertId";
    static final String USER_ID = "userId";
    static final String OWNER_SORT = "ownerSort";
    // Alert attributes.
    static final String CHAT_ID = "chatId";
    static final String PAIR = "pair";
    static final String DIRECTION = "direction";
    static final String SIDE = "side";
    static final String THRESHOLD = "threshold";
    static final String MODE = "mode";
    static final String STATE = "state";
    static final String REARM_BAND = "rearmBand";
    static final String REARM_BOUNDARY = "rearmBoundary";
    static final String CREATED_AT = "createdAt";
    static final String FIRED_AT = "firedAt";
    static final String FIRE_COUNT = "fireCount";
    static final String NOTE = "note";
    static final String EVENT_ID = "lastEventId";
    static final String EVENT_RATE = "lastRate";
    static final String EVENT_PROVIDER = "lastProvider";
    static final String EVENT_OBSERVED_AT = "lastObservedAt";
    static final String EVENT_FIRED_AT = "lastFiredAt";
    static final String PUSH_PENDING = "pushPending";
    static final String PUSH_ATTEMPTS = "pushAttempts";
    static final String PUSH_NEXT_ATTEMPT_AT = "pushNextAttemptAt";
    static final String PUSH_OUTCOME_UNKNOWN = "pushOutcomeUnknown";
    static final String PUSH_DEAD_LETTER = "pushDeadLetter";
    /** Absent on a mid-rate alert (every alert written before rate kinds existed). */
    static final String RATE_KIND = "rateKind";
    /** Issue 14, snooze: epoch milliseconds (a number, so a write's condition can compare it); absent when none. */
    static final String SNOOZED_UNTIL = "snoozedUntil";
    // Sparse index keys, present only in the states that put the alert in the index.
    static final String ARMED_KEY = "armedKey";
    static final String REARM_KEY = "rearmKey";
    static final String PENDING_KEY = "pendingKey";
    static final String PENDING_SORT = "pendingSort";
    static final String WATCH_KEY = "watchKey";
    // issue 14: percent-move alerts and expiry (branch move14). A move alert's side is its move partition
    // (moveSide), so the armedByThreshold and rearmableByBoundary indexes hold it per (pair, window, way), sorted
    // by its percent (threshold) and its re-arm boundary (percent / 2).
    static final String MOVE_WAY = "moveWay";
    static final String MOVE_WINDOW_HOURS = "moveWindowHours";
    static final String EVENT_BASE = "lastBase";
    static final String EXPIRES_AT = "expiresAt";
    /** Sparse key of expiringByTime: present while the alert has an expiry and is not EXPIRED yet. */
    static final String EXPIRY_KEY = "expiryKey";
    static final String EXPIRY_SORT = "expirySort";
    static final String EXPIRING = "EXPIRING";
    static final String EXPIRING_BY_TIME = "expiringByTime";

    /**
     * The partition of the pending-push index holding pending pushes, sorted by next-attempt time (the index keeps
     * its first name, pendingByFiredAt: a fresh push is due at its firing time).
     */
    static final String PENDING = "PENDING";
    /** The partition of the same index holding dead-lettered pushes, sorted by firing time. */
    static final String DEAD = "DEAD";

    // Index names.
    static final String BY_OWNER = "byOwner";
    static final String ARMED_BY_THRESHOLD = "armedByThreshold";
    static final String REARMABLE_BY_BOUNDARY = "rearmableByBoundary";
    static final String PENDING_BY_FIRED_AT = "pendingByFiredAt";
    static final String WATCHING_BY_PAIR = "watchingByPair";

    private AlertItems() {
    }

    static Map<String, AttributeValue> key(String alertId) {
        return Map.of(ID, s(alertId));
    }

    /**
     * {@code USD/KRW#ABOVE} ({@code USD/KRW#BANK_SELL#ABOVE} for a bank rate): the partition of the crossing and
     * re-arm indexes, so a read for one kind of rate never reads an alert on another. A mid-rate alert's side is
     * what it was before kinds existed: no index key shape changed, no item needs rewriting.
     */
    static String side(CurrencyPair pair, RateKind kind, Direction direction) {
        return kind.series(pair) + "#" + direction.name();
    }

    /** {@code USD/KRW#MOVE#24h#UP}: the partition of a percent-move alert in the crossing and re-arm indexes. */
    static String moveSide(CurrencyPair pair, Duration window, MoveWay way) {
        return pair + "#MOVE#" + window.toHours() + "h#" + way.name();
    }

    /** The alert's partition in the crossing and re-arm indexes: its move partition or its pair and direction. */
    static String sideOf(Alert alert) {
        return alert.isMove() ? moveSide(alert.pair(), alert.move().window(), alert.move().way())
                : side(alert.pair(), alert.kind(), alert.direction());
    }

    static String expirySort(Instant expiresAt, String alertId) {
        return SortableInstants.format(expiresAt) + "#" + alertId;
    }

    static String ownerSort(Instant createdAt, String alertId) {
        return SortableInstants.format(createdAt) + "#" + alertId;
    }

    static String pendingSort(Instant at, String alertId) {
        return SortableInstants.format(at) + "#" + alertId;
    }

    /** Above every pendingSort of {@code at} ('$' sorts after '#'), for "due at or before". */
    static String pendingSortUpperBound(Instant at) {
        return SortableInstants.format(at) + "$";
    }

    static Map<String, AttributeValue> toItem(Alert alert) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(alert.id()));
        item.put(USER_ID, s(alert.owner().userId()));
        item.put(CHAT_ID, n(alert.owner().chatId()));
        item.put(OWNER_SORT, s(ownerSort(alert.createdAt(), alert.id())));
        item.put(PAIR, s(alert.pair().toString()));
        item.put(DIRECTION, s(alert.direction().name()));
        item.put(SIDE, s(sideOf(alert)));
        if (alert.kind() != RateKind.MID) {
            item.put(RATE_KIND, s(alert.kind().name()));
        }
                item.put(THRESHOLD, n(alert.threshold()));
        item.put(MODE, s(alert.mode().name()));
        item.put(STATE, s(alert.state().name()));
        item.put(REARM_BAND, n(alert.rearmBand()));
        item.put(REARM_BOUNDARY, n(alert.rearmBoundary()));
        item.put(CREATED_AT, instant(alert.createdAt()));
        if (alert.firedAt() != null) {
            item.put(FIRED_AT, instant(alert.firedAt()));
        }
        item.put(FIRE_COUNT, n(alert.fireCount()));
        if (alert.note() != null) {
            item.put(NOTE, s(alert.note()));
        }
        if (alert.lastFiring() != null) {
            item.putAll(firingAttributes(alert.lastFiring()));
        }
        item.put(PUSH_PENDING, bool(alert.pushPending()));
        item.put(PUSH_ATTEMPTS, n(alert.push().attempts()));
        if (alert.push().nextAttemptAt() != null) {
            item.put(PUSH_NEXT_ATTEMPT_AT, instant(alert.push().nextAttemptAt()));
        }
        item.put(PUSH_OUTCOME_UNKNOWN, bool(alert.push().outcomeUnknown()));
        if (alert.snoozedUntil() != null) {
            item.put(SNOOZED_UNTIL, n(alert.snoozedUntil().toEpochMilli()));
        }
        if (alert.push().deadLettered()) {
            item.put(PUSH_DEAD_LETTER, s(alert.push().deadLetter()));
        }
        if (alert.isMove()) {
            item.put(MOVE_WAY, s(alert.move().way().name()));
            item.put(MOVE_WINDOW_HOURS, n(alert.move().window().toHours()));
        }
        if (alert.expiresAt() != null) {
            item.put(EXPIRES_AT, instant(alert.expiresAt()));
            if (alert.state() != AlertState.EXPIRED) {
                item.put(EXPIRY_KEY, s(EXPIRING));
                item.put(EXPIRY_SORT, s(expirySort(alert.expiresAt(), alert.id())));
            }
        }
        String side = sideOf(alert);
        switch (alert.state()) {
            case ARMED -> {
                item.put(ARMED_KEY, s(side));
                item.put(WATCH_KEY, s(alert.pair().toString()));
            }
            case FIRED -> {
                item.put(WATCH_KEY, s(alert.pair().toString()));
                if (alert.mode() == AlertMode.REARM) {
                    item.put(REARM_KEY, s(side));
                }
            }
            case PAUSED, EXPIRED -> {
                // in no evaluation index
            }
        }
        if (alert.pushPending()) {
            Instant due = alert.push().nextAttemptAt() != null ? alert.push().nextAttemptAt() : alert.lastFiring().firedAt();
            item.put(PENDING_KEY, s(PENDING));
            item.put(PENDING_SORT, s(pendingSort(due, alert.id())));
        } else if (alert.push().deadLettered() && alert.lastFiring() != null) {
            item.put(PENDING_KEY, s(DEAD));
            item.put(PENDING_SORT, s(pendingSort(alert.lastFiring().firedAt(), alert.id())));
        }
        return item;
    }

    static Map<String, AttributeValue> firingAttributes(Firing firing) {
        Map<String, AttributeValue> attributes = new HashMap<>(Map.of(
                EVENT_ID, s(firing.eventId()),
                EVENT_RATE, n(firing.rate()),
                EVENT_PROVIDER, s(firing.provider()),
                EVENT_OBSERVED_AT, instant(firing.observedAt()),
                EVENT_FIRED_AT, instant(firing.firedAt())));
        if (firing.base() != null) {
            attributes.put(EVENT_BASE, n(firing.base()));
        }
        return attributes;
    }

    /** True for alert items (the table also holds per-user counters and the pair registry). */
    static boolean isAlert(Map<String, AttributeValue> item) {
        return item.containsKey(STATE) && item.containsKey(USER_ID);
    }

    static Alert fromItem(Map<String, AttributeValue> item) {
        Firing firing = null;
        if (item.containsKey(EVENT_ID)) {
            firing = new Firing(string(item, EVENT_ID), decimal(item, EVENT_RATE), string(item, EVENT_PROVIDER),
                    instant(item, EVENT_OBSERVED_AT), instant(item, EVENT_FIRED_AT),
                    item.containsKey(EVENT_BASE) ? decimal(item, EVENT_BASE) : null);
        }
        Move move = item.containsKey(MOVE_WAY) ? new Move(MoveWay.valueOf(string(item, MOVE_WAY)),
                Duration.ofHours(number(item, MOVE_WINDOW_HOURS, 0))) : null;
        return new Alert(
                string(item, ID),
                new Owner(string(item, USER_ID), number(item, CHAT_ID, 0)),
                CurrencyPair.parse(string(item, PAIR)),
                Direction.valueOf(string(item, DIRECTION)),
                decimal(item, THRESHOLD),
                AlertMode.valueOf(string(item, MODE)),
                AlertState.valueOf(string(item, STATE)),
                decimal(item, REARM_BAND),
                instant(item, CREATED_AT),
                instant(item, FIRED_AT),
                (int) number(item, FIRE_COUNT, 0),
                string(item, NOTE),
                firing,
                flag(item, PUSH_PENDING) && firing != null,
                new PushState((int) number(item, PUSH_ATTEMPTS, 0),
                        item.containsKey(PUSH_NEXT_ATTEMPT_AT) ? instant(item, PUSH_NEXT_ATTEMPT_AT) : null,
                        flag(item, PUSH_OUTCOME_UNKNOWN), string(item, PUSH_DEAD_LETTER)),
                item.containsKey(RATE_KIND) ? RateKind.valueOf(string(item, RATE_KIND)) : RateKind.MID,
                move,
                item.containsKey(EXPIRES_AT) ? instant(item, EXPIRES_AT) : null,
                item.containsKey(SNOOZED_UNTIL) ? Instant.ofEpochMilli(number(item, SNOOZED_UNTIL, 0)) : null);
    }
}
