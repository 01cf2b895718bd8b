package dev.fxalert.admin.stats;

import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.UserStore;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assembles {@link AdminStats} from the stores (users, alerts, pending pushes) and the in-memory journal. */
public final class StatsService {

    /** Counting pending pushes reads them; beyond this many the operator only needs to know "a lot". */
    public static final int PENDING_COUNT_CAP = 1000;

    private final UserStore users;
    private final OperatorAlerts alerts;
    private final OperationsJournal journal;
    private final Clock clock;

    public StatsService(UserStore users, OperatorAlerts alerts, OperationsJournal journal, Clock clock) {
        this.users = users;
        this.alerts = alerts;
        this.journal = journal;
        this.clock = clock;
    }

    public AdminStats stats() {
        UserStore.UserCounts userCounts = users.counts();
        Map<String, Long> byState = new LinkedHashMap<>();
        Map<AlertState, Long> counted = alerts.countByState();
        for (AlertState state : AlertState.values()) {
            byState.put(state.name(), counted.getOrDefault(state, 0L));
        }
        int pending = alerts.findPendingPushes(PENDING_COUNT_CAP + 1).size();
        OperationsJournal.Snapshot journalNow = journal.snapshot();
        OperationsJournal.LagSummary lag = journalNow.lag();
        return new AdminStats(
                clock.instant().toString(),
                new AdminStats.Users(userCounts.active(), userCounts.inactive()),
                byState,
                new AdminStats.Pushes(journalNow.window().toHours(), journalNow.pushesDelivered(), journalNow.pushesFailed(),
                        journalNow.pushesRecipientGone(), Math.min(pending, PENDING_COUNT_CAP), pending > PENDING_COUNT_CAP,
                        new AdminStats.Lag(lag.samples(), millis(lag.p50()), millis(lag.p95()), millis(lag.max())),
                        "this process"),
                new AdminStats.Ingestion(
                        journalNow.lastIngestionAt() == null ? null : journalNow.lastIngestionAt().toString(),
                        journalNow.providers().stream()
                                .map(last -> AdminStats.ProviderStatus.of(last.run(), last.ranAt()))
                                .toList()));
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
