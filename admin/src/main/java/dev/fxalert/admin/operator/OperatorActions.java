package dev.fxalert.admin.operator;

import dev.fxalert.admin.alerts.AlertListing;
import dev.fxalert.admin.alerts.AlertView;
import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.users.UserLookup;
import dev.fxalert.admin.users.UserView;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.AuditEntry;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.AuditPage;
import dev.fxalert.core.port.UserStore;

import java.time.Clock;
import java.util.UUID;

/**
 * What an operator may do to any user's alerts and to users, each action recorded in the durable {@link AuditLog}
 * ({@code GET /admin/audit}). The action is done first and recorded second: a crash in between leaves an action
 * unrecorded rather than a record of something that did not happen. Every action is idempotent (pausing a paused
 * alert, deactivating an inactive user change nothing), so repeating a request whose answer was lost is safe; each
 * request is one audit entry, whose detail says what changed.
 */
public final class OperatorActions {

    /**
     * Orders entries of one process that share an instant (the log sorts by time, then id): the id starts with this
     * sequence; the random rest keeps ids of different processes (Lambda containers) apart.
     */
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final UserStore users;
    private final OperatorAlerts alerts;
    private final AuditLog audit;
    private final Clock clock;

    public OperatorActions(UserStore users, OperatorAlerts alerts, AuditLog audit, Clock clock) {
        this.users = users;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code POST /admin/alerts/{alertId}/pause}: an ARMED or FIRED alert stops firing until resumed. */
    public AlertView pauseAlert(String alertId) {
        Alert before = alert(alertId);
        Alert after = alerts.pause(before.owner().userId(), before.id()).orElseThrow(() -> alertNotFound(alertId));
        record("alert.pause", "alert", after.id(), describe(before) + ": " + before.state() + " -> " + after.state());
        return AlertView.of(after);
    }

    /** {@code POST /admin/alerts/{alertId}/resume}: a PAUSED or FIRED alert is armed again. */
    public AlertView resumeAlert(String alertId) {
        Alert before = alert(alertId);
        Alert after = alerts.resume(before.owner().userId(), before.id()).orElseThrow(() -> alertNotFound(alertId));
        record("alert.resume", "alert", after.id(), describe(before) + ": " + before.state() + " -> " + after.state());
        return AlertView.of(after);
    }

    /** {@code DELETE /admin/alerts/{alertId}}: answers the alert as it was. */
    public AlertView deleteAlert(String alertId) {
        Alert before = alert(alertId);
        if (!alerts.delete(before.owner().userId(), before.id())) {
            throw alertNotFound(alertId);
        }
        record("alert.delete", "alert", before.id(), describe(before) + " of user " + before.owner().userId()
                + " (was " + before.state() + ")");
        return AlertView.of(before);
    }

    /**
     * {@code POST /admin/users/{chatId}/deactivate}: the user gets no pushes or broadcasts, and every ARMED or FIRED
     * alert of theirs is paused (as when they block the bot). Talking to the bot again makes them active again.
     */
    public UserView deactivateUser(String chatId) {
        User user = UserLookup.find(users, chatId);
        boolean changed = users.deactivate(user.id());
        int paused = alerts.pauseAllOf(user.id());
        record("user.deactivate", "user", user.id(), "chat " + user.chatId() + ": "
                + (changed ? "deactivated" : "already inactive") + ", " + paused + " alert(s) paused");
        return view(user.id());
    }

    /**
     * {@code POST /admin/users/{chatId}/reactivate}: the user is active again and every PAUSED alert of theirs is
     * armed again. Alerts the user had paused themselves are resumed too: the store does not remember who paused.
     */
    public UserView reactivateUser(String chatId) {
        User user = UserLookup.find(users, chatId);
        boolean changed = users.reactivate(user.id());
        int resumed = 0;
        for (Alert alert : alerts.listByOwner(user.id())) {
            if (alert.state() == AlertState.PAUSED && alerts.resume(user.id(), alert.id()).isPresent()) {
                resumed++;
            }
        }
        record("user.reactivate", "user", user.id(), "chat " + user.chatId() + ": "
                + (changed ? "reactivated" : "already active") + ", " + resumed + " alert(s) resumed");
        return view(user.id());
    }

    /** {@code GET /admin/audit}: newest first; the cursor is the previous page's {@code nextCursor}. */
    public AuditListView audit(String cursor, String limit) {
        AuditPage page = audit.list(cursor == null || cursor.isBlank() ? null : cursor.strip(),
                AlertListing.parseLimit(limit));
        return new AuditListView(page.items().stream().map(AuditEntryView::of).toList(), page.nextCursor());
    }

    private Alert alert(String alertId) {
        return alerts.findById(alertId).orElseThrow(() -> alertNotFound(alertId));
    }

    private UserView view(String userId) {
        User user = users.findById(userId).orElseThrow(() -> AdminProblem.notFound("user_not_found",
                "The user " + userId + " no longer exists."));
        return UserView.of(user, alerts.listByOwner(userId).stream().map(AlertView::of).toList());
    }

    private void record(String action, String targetType, String targetId, String detail) {
        String id = String.format("%016x-%s", SEQUENCE.incrementAndGet(), UUID.randomUUID().toString().substring(0, 8));
        audit.append(new AuditEntry(id, clock.instant(), action, targetType, targetId, detail));
    }

    private static String describe(Alert alert) {
        return alert.pair() + " " + alert.direction() + " " + alert.threshold().toPlainString();
    }

    private static AdminProblem alertNotFound(String alertId) {
        return AdminProblem.notFound("alert_not_found", "No alert has id " + alertId + ".");
    }
}
