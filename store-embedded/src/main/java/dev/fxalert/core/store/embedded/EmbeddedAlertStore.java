package dev.fxalert.core.store.embedded;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertLimitExceededException;
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
import dev.fxalert.core.port.AlertPage;
import dev.fxalert.core.port.AlertQuery;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.store.AlertCursors;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Alerts in H2; every evaluation read is a range read on an index (see schema.sql). */
final class EmbeddedAlertStore implements AlertStore {

    private static final String COLUMNS = "id, user_id, chat_id, pair, direction, threshold, mode, state, rearm_band, "
            + "created_at, fired_at, fire_count, note, last_event_id, last_rate, last_provider, last_observed_at, "
            + "last_fired_at, push_pending, push_attempts, push_next_attempt_at, push_outcome_unknown, push_dead_letter, "
            + "rate_kind, move_way, move_window_hours, last_base, expires_at, snoozed_until";


    private final Jdbc jdbc;
    private final int maxAlertsPerUser;
    /** Serialises count-then-insert; the file belongs to this one process, so a JVM lock is enough. */
    private final Object createLock = new Object();

    EmbeddedAlertStore(Jdbc jdbc, int maxAlertsPerUser) {
        this.jdbc = jdbc;
        this.maxAlertsPerUser = maxAlertsPerUser;
    }

    @Override
    public Alert create(Alert alert) {
        synchronized (createLock) {
            Optional<Alert> existing = get(alert.owner().userId(), alert.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            long owned = jdbc.queryOne("SELECT COUNT(*) FROM alerts WHERE user_id = ?", row -> row.getLong(1),
                    alert.owner().userId()).orElse(0L);
            if (owned >= maxAlertsPerUser) {
                throw new AlertLimitExceededException(maxAlertsPerUser);
            }
            Firing last = alert.lastFiring();
            jdbc.update("MERGE INTO alert_pairs (pair) KEY (pair) VALUES (?)", alert.pair());
            if (alert.isMove()) {
                jdbc.update("MERGE INTO alert_move_windows (pair, window_hours) KEY (pair, window_hours) VALUES (?, ?)",
                        alert.pair(), alert.move().window().toHours());
            }
            try {
                insert(alert, last);
            } catch (EmbeddedStoreException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw new IllegalArgumentException("an alert with id " + alert.id() + " already exists", e);
                }
                throw e;
            }
            return alert;
        }
    }

    private void insert(Alert alert, Firing last) {
        jdbc.update("INSERT INTO alerts (" + COLUMNS + ", rearm_boundary, expiry_due) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    alert.id(), alert.owner().userId(), alert.owner().chatId(), alert.pair(),
                    alert.isMove() ? MOVE : alert.direction().name(),
                    alert.threshold(), alert.mode(), alert.state(), alert.rearmBand(), alert.createdAt(),
                    alert.firedAt(), alert.fireCount(), alert.note(),
                    last == null ? null : last.eventId(), last == null ? null : last.rate(),
                    last == null ? null : last.provider(), last == null ? null : last.observedAt(),
                    last == null ? null : last.firedAt(), alert.pushPending(), alert.push().attempts(),
                    alert.push().nextAttemptAt(), alert.push().outcomeUnknown(), alert.push().deadLetter(),
                    alert.kind().name(),
                    alert.isMove() ? alert.move().way().name() : null,
                    alert.isMove() ? alert.move().window().toHours() : null,
                    last == null ? null : last.base(), alert.expiresAt(), alert.snoozedUntil(),
                    alert.rearmBoundary(), alert.state() == AlertState.EXPIRED ? null : alert.expiresAt());
    }

    /** The direction column of a percent-move alert: outside the crossing and re-arm indexes' ABOVE and BELOW. */
    private static final String MOVE = "MOVE";

    @Override
    public List<Alert> listByOwner(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alerts WHERE user_id = ? ORDER BY created_at, id",
                EmbeddedAlertStore::toAlert, userId);
    }

    @Override
    public Optional<Alert> get(String userId, String alertId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM alerts WHERE id = ? AND user_id = ?",
                EmbeddedAlertStore::toAlert, alertId, userId);
    }

    @Override
    public Optional<Alert> findById(String alertId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM alerts WHERE id = ?", EmbeddedAlertStore::toAlert, alertId);
    }

    @Override
    public boolean delete(String userId, String alertId) {
        return jdbc.update("DELETE FROM alerts WHERE id = ? AND user_id = ?", alertId, userId) == 1;
    }

    @Override
    public Optional<Alert> pause(String userId, String alertId) {
        jdbc.update("UPDATE alerts SET state = 'PAUSED' WHERE id = ? AND user_id = ? AND state IN ('ARMED', 'FIRED')",
                alertId, userId);
        return get(userId, alertId);
    }

    @Override
    public Optional<Alert> resume(String userId, String alertId) {
        jdbc.update("UPDATE alerts SET state = 'ARMED' WHERE id = ? AND user_id = ? AND state IN ('PAUSED', 'FIRED')",
                alertId, userId);
        return get(userId, alertId);
    }

    @Override
    public Optional<Alert> snooze(String userId, String alertId, Instant until) {
        // One statement, so a firing or a delivery in between cannot be lost: a pending push is held until then.
        jdbc.update("UPDATE alerts SET snoozed_until = ?, push_next_attempt_at = CASE WHEN push_pending "
                        + "AND push_next_attempt_at < ? THEN ? ELSE push_next_attempt_at END "
                        + "WHERE id = ? AND user_id = ? AND state <> 'PAUSED'",
                until, until, until, alertId, userId);
        return get(userId, alertId);
    }

    // Quiet hours released (issue 15, branch quiet15b).
    @Override
    public int releaseHeldPushes(String userId, Instant heldUntil, Instant dueAt) {
        // One statement: a delivery or failure of one of these pushes in between changes its row first, and the
        // condition (still pending, still held until heldUntil) then leaves it alone.
        return jdbc.update("UPDATE alerts SET push_next_attempt_at = CASE WHEN snoozed_until IS NOT NULL "
                        + "AND snoozed_until > ? THEN snoozed_until ELSE ? END "
                        + "WHERE user_id = ? AND push_pending = TRUE AND push_next_attempt_at = ?",
                dueAt, dueAt, userId, heldUntil);
    }

    @Override
    public Optional<Alert> moveThreshold(String userId, String alertId, BigDecimal threshold) {
        Optional<Alert> before = get(userId, alertId);
        if (before.isEmpty() || before.get().state() == AlertState.PAUSED) {
            return before;
        }
        Alert moved = before.get().moveThreshold(threshold);
        // Conditional on what was read, so a firing in between is not overwritten; the owner may press again.
        jdbc.update("UPDATE alerts SET threshold = ?, rearm_band = ?, rearm_boundary = ?, state = 'ARMED' "
                        + "WHERE id = ? AND user_id = ? AND state = ? AND threshold = ?",
                moved.threshold(), moved.rearmBand(), moved.rearmBoundary(), alertId, userId,
                before.get().state(), before.get().threshold());
        return get(userId, alertId);
    }

    @Override
    public int moveChat(String userId, long newChatId) {
        return jdbc.update("UPDATE alerts SET chat_id = ? WHERE user_id = ?", newChatId, userId);
    }

    @Override
    public int pauseAllOf(String userId) {
        return jdbc.update("UPDATE alerts SET state = 'PAUSED' WHERE user_id = ? AND state IN ('ARMED', 'FIRED')", userId);
    }

    @Override
    public List<Alert> findCrossed(CurrencyPair pair, RateKind kind, BigDecimal rate) {
        return readAll(CROSSED, pair, kind, rate);
    }

    @Override
    public List<Alert> findRearmable(CurrencyPair pair, RateKind kind, BigDecimal rate) {
        return readAll(REARMABLE, pair, kind, rate);
    }

    /**
     * The statements {@link #findCrossed} runs, one index range read per direction (see schema.sql); parameters:
     * pair, rate kind, rate. Package-private so the index test EXPLAINs these very statements, not a copy.
     */
    static final List<String> CROSSED = bothDirections(
            "direction = 'ABOVE' AND state = 'ARMED' AND threshold <= ?",
            "direction = 'BELOW' AND state = 'ARMED' AND threshold >= ?");

    /** The statements {@link #findRearmable} runs, as {@link #CROSSED}. */
    static final List<String> REARMABLE = bothDirections(
            "direction = 'ABOVE' AND state = 'FIRED' AND mode = 'REARM' AND rearm_boundary > ?",
            "direction = 'BELOW' AND state = 'FIRED' AND mode = 'REARM' AND rearm_boundary < ?");

    private static List<String> bothDirections(String above, String below) {
        return List.of(above, below).stream()
                .map(range -> "SELECT " + COLUMNS + " FROM alerts WHERE pair = ? AND rate_kind = ? AND " + range).toList();
    }

    private List<Alert> readAll(List<String> statements, CurrencyPair pair, RateKind kind, BigDecimal rate) {
        List<Alert> found = new ArrayList<>();
        for (String statement : statements) {
            found.addAll(jdbc.query(statement, EmbeddedAlertStore::toAlert, pair, kind.name(), rate));
        }
        return found;
    }

    @Override
    public boolean markFired(String alertId, Firing firing) {
        return fire(alertId, firing, firing.firedAt());
    }

    @Override
    public boolean markFired(Alert alert, Firing firing, Instant dueAt) {
        return fire(alert.id(), firing, dueAt);
    }

    private boolean fire(String alertId, Firing firing, Instant dueAt) {
        return jdbc.update("UPDATE alerts SET state = 'FIRED', fired_at = ?, fire_count = fire_count + 1, "
                        + "last_event_id = ?, last_rate = ?, last_provider = ?, last_observed_at = ?, last_fired_at = ?, "
                        + "push_pending = TRUE, push_attempts = 0, "
                        // during a snooze the push is due at its end, decided in this one statement
                        + "push_next_attempt_at = CASE WHEN snoozed_until > ? THEN snoozed_until ELSE ? END, "
                        + "push_outcome_unknown = FALSE, "
                        + "push_dead_letter = NULL, last_base = ? WHERE id = ? AND state = 'ARMED' "
                        + "AND (last_event_id IS NULL OR last_event_id <> ?)",
                firing.firedAt(), firing.eventId(), firing.rate(), firing.provider(), firing.observedAt(),
                firing.firedAt(), dueAt, dueAt, firing.base(), alertId, firing.eventId()) == 1;
    }

    // issue 14: percent-move alerts and expiry (branch move14)

    @Override
    public Set<Duration> moveWindows(CurrencyPair pair) {
        return new LinkedHashSet<>(jdbc.query(MOVE_WINDOWS_SQL, row -> Duration.ofHours(row.getInt(1)), pair));
    }

    /** One range read of the registry's primary key; package-private so the plan test EXPLAINs it. */
    static final String MOVE_WINDOWS_SQL =
            "SELECT window_hours FROM alert_move_windows WHERE pair = ? ORDER BY window_hours";

    /**
     * The statement {@link #findMoved} runs once per way the move can fire; parameters: pair, window hours, way,
     * the move as that way sees it. An index range read on alerts_move (EXPLAIN-checked by the plan test).
     */
    static final String MOVED = "SELECT " + COLUMNS + " FROM alerts WHERE pair = ? AND move_window_hours = ? "
            + "AND move_way = ? AND state = 'ARMED' AND threshold <= ?";

    /** The statement {@link #findMoveRearmable} runs once per way, on alerts_move_rearm. */
    static final String MOVE_REARMABLE = "SELECT " + COLUMNS + " FROM alerts WHERE pair = ? AND move_window_hours = ? "
            + "AND move_way = ? AND state = 'FIRED' AND mode = 'REARM' AND rearm_boundary > ?";

    @Override
    public List<Alert> findMoved(CurrencyPair pair, Duration window, BigDecimal signedPercent) {
        List<Alert> found = new ArrayList<>();
        MoveWay.firing(signedPercent).forEach((way, along) ->
                found.addAll(jdbc.query(MOVED, EmbeddedAlertStore::toAlert, pair, window.toHours(), way.name(), along)));
        return found;
    }

    @Override
    public List<Alert> findMoveRearmable(CurrencyPair pair, Duration window, BigDecimal signedPercent) {
        List<Alert> found = new ArrayList<>();
        for (MoveWay way : MoveWay.values()) {
            found.addAll(jdbc.query(MOVE_REARMABLE, EmbeddedAlertStore::toAlert, pair, window.toHours(), way.name(),
                    way.along(signedPercent)));
        }
        return found;
    }

    /**
     * What {@link #findExpiring} runs: a range read on alerts_expiry_due, whose non-null entries are the alerts still
     * to expire; parameters: a lower bound (the index keeps nulls first, the bound starts the range after them), now,
     * limit.
     */
    static final String EXPIRING = "SELECT " + COLUMNS + " FROM alerts WHERE expiry_due >= ? AND expiry_due <= ? "
            + "ORDER BY expiry_due, id LIMIT ?";

    @Override
    public List<Alert> findExpiring(Instant now, int limit) {
        return jdbc.query(EXPIRING, EmbeddedAlertStore::toAlert, Instant.EPOCH, now, limit);
    }

    @Override
    public boolean markExpired(String alertId, Firing notice) {
        return jdbc.update("UPDATE alerts SET state = 'EXPIRED', expiry_due = NULL, last_event_id = ?, last_rate = ?, "
                        + "last_provider = ?, last_observed_at = ?, last_fired_at = ?, last_base = NULL, "
                        + "push_pending = TRUE, push_attempts = 0, push_next_attempt_at = ?, "
                        + "push_outcome_unknown = FALSE, push_dead_letter = NULL "
                        + "WHERE id = ? AND state <> 'EXPIRED' AND push_pending = FALSE",
                notice.eventId(), notice.rate(), notice.provider(), notice.observedAt(), notice.firedAt(),
                notice.firedAt(), alertId) == 1;
    }

    @Override
    public boolean rearm(String alertId) {
        return jdbc.update("UPDATE alerts SET state = 'ARMED' WHERE id = ? AND state = 'FIRED' AND mode = 'REARM'",
                alertId) == 1;
    }

    @Override
    public List<Alert> findPendingPushes(Instant dueBy, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alerts WHERE push_pending = TRUE AND push_next_attempt_at <= ? "
                        + "ORDER BY push_next_attempt_at, id LIMIT ?",
                EmbeddedAlertStore::toAlert, dueBy, limit);
    }

    @Override
    public boolean recordPushFailure(String alertId, String eventId, Instant nextAttemptAt) {
        return jdbc.update("UPDATE alerts SET push_attempts = push_attempts + 1, push_next_attempt_at = ? "
                + "WHERE id = ? AND push_pending = TRUE AND last_event_id = ?", nextAttemptAt, alertId, eventId) == 1;
    }

    @Override
    public boolean holdPush(String alertId, String eventId, Instant dueAt) {
        return jdbc.update("UPDATE alerts SET push_next_attempt_at = ? "
                + "WHERE id = ? AND push_pending = TRUE AND last_event_id = ?", dueAt, alertId, eventId) == 1;
    }

    @Override
    public boolean deadLetterPush(String alertId, String eventId, String reason, boolean outcomeUnknown) {
        return jdbc.update("UPDATE alerts SET push_pending = FALSE, push_dead_letter = ?, push_outcome_unknown = ? "
                        + "WHERE id = ? AND push_pending = TRUE AND last_event_id = ?",
                deadLetterReason(reason), outcomeUnknown, alertId, eventId) == 1;
    }

    @Override
    public List<Alert> findDeadLetters(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alerts WHERE push_dead_letter IS NOT NULL "
                + "ORDER BY last_fired_at DESC, id LIMIT ?", EmbeddedAlertStore::toAlert, limit);
    }

    /** The column holds 400 characters; a reason is never empty (a null would read as "not dead"). */
    private static String deadLetterReason(String reason) {
        String text = reason == null || reason.isBlank() ? "given up" : reason.strip();
        return text.length() <= 400 ? text : text.substring(0, 399) + "…";
    }

    @Override
    public boolean markPushDelivered(String alertId, String eventId) {
        return jdbc.update("UPDATE alerts SET push_pending = FALSE WHERE id = ? AND push_pending = TRUE AND last_event_id = ?",
                alertId, eventId) == 1;
    }

    /**
     * Each pair ever registered, kept when it has an ARMED or a FIRED alert: two one-row seeks on the
     * (pair, state) index per pair, never a read of the alerts themselves (checked with EXPLAIN ANALYZE in
     * {@code EmbeddedWatchedPairsPlanTest}).
     */
    static final String WATCHED_PAIRS_SQL = "SELECT p.pair FROM alert_pairs p WHERE "
            + "EXISTS (SELECT 1 FROM alerts a WHERE a.pair = p.pair AND a.state = 'ARMED') "
            + "OR EXISTS (SELECT 1 FROM alerts f WHERE f.pair = p.pair AND f.state = 'FIRED') ORDER BY p.pair";

    @Override
    public Set<CurrencyPair> watchedPairs() {
        return new LinkedHashSet<>(jdbc.query(WATCHED_PAIRS_SQL, row -> CurrencyPair.parse(row.getString(1))));
    }

    @Override
    public Map<AlertState, Long> countByState() {
        Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
        for (AlertState state : AlertState.values()) {
            counts.put(state, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) FROM alerts GROUP BY state",
                row -> counts.put(AlertState.valueOf(row.getString(1)), row.getLong(2)));
        return counts;
    }

    @Override
    public AlertPage list(AlertQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.pair() != null) {
            sql.append(" AND pair = ?");
            params.add(query.pair());
        }
        if (query.state() != null) {
            sql.append(" AND state = ?");
            params.add(query.state());
        }
        String startAfter = AlertCursors.decode(query);
        if (startAfter != null) {
            sql.append(" AND id > ?");
            params.add(startAfter);
        }
        sql.append(" ORDER BY id LIMIT ?");
        params.add(query.limit() + 1);
        List<Alert> rows = jdbc.query(sql.toString(), EmbeddedAlertStore::toAlert, params.toArray());
        if (rows.size() <= query.limit()) {
            return new AlertPage(rows, null);
        }
        List<Alert> page = rows.subList(0, query.limit());
        return new AlertPage(page, AlertCursors.encode(page.get(page.size() - 1).id(), query));
    }

    private static Alert toAlert(ResultSet row) throws SQLException {
        String lastEventId = row.getString("last_event_id");
        Firing last = lastEventId == null ? null : new Firing(lastEventId, row.getBigDecimal("last_rate"),
                row.getString("last_provider"), Jdbc.instant(row, "last_observed_at"), Jdbc.instant(row, "last_fired_at"),
                row.getBigDecimal("last_base"));
        String moveWay = row.getString("move_way");
        Move move = moveWay == null ? null
                : new Move(MoveWay.valueOf(moveWay), Duration.ofHours(row.getInt("move_window_hours")));
        return new Alert(
                row.getString("id"),
                new Owner(row.getString("user_id"), row.getLong("chat_id")),
                CurrencyPair.parse(row.getString("pair")),
                move != null ? Direction.ABOVE : Direction.valueOf(row.getString("direction")),
                row.getBigDecimal("threshold"),
                AlertMode.valueOf(row.getString("mode")),
                AlertState.valueOf(row.getString("state")),
                row.getBigDecimal("rearm_band"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "fired_at"),
                row.getInt("fire_count"),
                row.getString("note"),
                last,
                row.getBoolean("push_pending"),
                new PushState(row.getInt("push_attempts"), Jdbc.instant(row, "push_next_attempt_at"),
                        row.getBoolean("push_outcome_unknown"), row.getString("push_dead_letter")),
                RateKind.valueOf(row.getString("rate_kind")),
                move,
                Jdbc.instant(row, "expires_at"),
                Jdbc.instant(row, "snoozed_until"));
    }
}
