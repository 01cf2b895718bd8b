package dev.fxalert.admin.testing;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.AlertPage;
import dev.fxalert.core.port.AlertQuery;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.store.AlertCursors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The operator's view of the alerts ({@link OperatorAlerts}, all the admin API depends on) in a sorted map, so it
 * implements nothing the admin API does not use. Its cursors are the real
 * stores' ({@link AlertCursors}), so it refuses a cursor it did not issue as they do.
 */
public final class InMemoryAlertStore implements OperatorAlerts {

    private final Map<String, Alert> byId = new TreeMap<>();
    private final List<String> pausedOwners = new ArrayList<>();

    public synchronized Alert add(Alert alert) {
        byId.put(alert.id(), alert);
        return alert;
    }

    public synchronized void clear() {
        byId.clear();
        pausedOwners.clear();
    }

    public synchronized List<String> ownersPausedAll() {
        return List.copyOf(pausedOwners);
    }

    public synchronized Alert create(Alert alert) {
        return add(alert);
    }

    @Override
    public synchronized List<Alert> listByOwner(String userId) {
        return byId.values().stream().filter(a -> a.owner().userId().equals(userId))
                .sorted(Comparator.comparing(Alert::createdAt)).toList();
    }

    public synchronized Optional<Alert> get(String userId, String alertId) {
        return Optional.ofNullable(byId.get(alertId)).filter(a -> a.owner().userId().equals(userId));
    }

    @Override
    public synchronized boolean delete(String userId, String alertId) {
        return get(userId, alertId).map(a -> byId.remove(alertId) != null).orElse(false);
    }

    @Override
    public synchronized Optional<Alert> pause(String userId, String alertId) {
        Optional<Alert> found = get(userId, alertId);
        found.filter(a -> a.state() != AlertState.PAUSED).ifPresent(a -> byId.put(a.id(), a.pause()));
        return get(userId, alertId);
    }

    @Override
    public synchronized Optional<Alert> resume(String userId, String alertId) {
        Optional<Alert> found = get(userId, alertId);
        found.filter(a -> a.state() != AlertState.ARMED).ifPresent(a -> byId.put(a.id(), a.resume()));
        return get(userId, alertId);
    }

    @Override
    public synchronized int pauseAllOf(String userId) {
        pausedOwners.add(userId);
        int changed = 0;
        for (Alert alert : listByOwner(userId)) {
            if (alert.state() != AlertState.PAUSED) {
                byId.put(alert.id(), alert.pause());
                changed++;
            }
        }
        return changed;
    }

    @Override
    public synchronized List<Alert> findPendingPushes(java.time.Instant dueBy, int limit) {
        return byId.values().stream().filter(Alert::pushPending)
                .filter(a -> !a.push().nextAttemptAt().isAfter(dueBy))
                .sorted(Comparator.comparing(a -> a.push().nextAttemptAt())).limit(limit).toList();
    }

    @Override
    public synchronized List<Alert> findDeadLetters(int limit) {
        return byId.values().stream().filter(a -> a.push().deadLettered())
                .sorted(Comparator.comparing((Alert a) -> a.lastFiring().firedAt()).reversed()).limit(limit).toList();
    }

    public synchronized Set<CurrencyPair> watchedPairs() {
        return byId.values().stream().filter(a -> a.state() != AlertState.PAUSED).map(Alert::pair).collect(Collectors.toSet());
    }

    @Override
    public synchronized Optional<Alert> findById(String alertId) {
        return Optional.ofNullable(byId.get(alertId));
    }

    @Override
    public synchronized Map<AlertState, Long> countByState() {
        Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
        byId.values().forEach(a -> counts.merge(a.state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized AlertPage list(AlertQuery query) {
        // The stores' own cursors, so a forged one is refused here as there.
        String start = AlertCursors.decode(query);
        List<Alert> matching = byId.values().stream()
                .filter(a -> start == null || a.id().compareTo(start) > 0)
                .filter(a -> query.pair() == null || a.pair().equals(query.pair()))
                .filter(a -> query.state() == null || a.state() == query.state())
                .limit(query.limit() + 1L)
                .toList();
        if (matching.size() <= query.limit()) {
            return new AlertPage(matching, null);
        }
        List<Alert> page = matching.subList(0, query.limit());
        return new AlertPage(page, AlertCursors.encode(page.get(page.size() - 1).id(), query));
    }
}
