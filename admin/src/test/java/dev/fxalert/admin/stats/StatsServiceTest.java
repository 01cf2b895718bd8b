package dev.fxalert.admin.stats;

import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.testing.Alerts;
import dev.fxalert.admin.testing.InMemoryAlertStore;
import dev.fxalert.admin.testing.InMemoryUserStore;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.fxalert.admin.testing.SendAttempts.attempt;
import static org.assertj.core.api.Assertions.assertThat;

class StatsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final OperationsJournal journal = new OperationsJournal(clock);
    private final StatsService stats = new StatsService(users, alerts, journal, clock);

    @Test
    void countsUsersAlertsByStateAndPendingPushesFromTheStores() {
        users.add("u1", 101, true);
        users.add("u2", 102, true);
        users.add("u3", 103, false);
        alerts.add(Alerts.armed("a1", "u1", 101, "USD/KRW", "1400"));
        alerts.add(Alerts.firedPending("a2", "u1", 101, "USD/KRW", "1390", NOW.minusSeconds(30)));
        alerts.add(Alerts.paused("a3", "u2", 102, "EUR/USD", "1.1"));

        AdminStats result = stats.stats();

        assertThat(result.generatedAt()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(result.users()).isEqualTo(new AdminStats.Users(2, 1));
        assertThat(result.alerts()).containsExactly(
                java.util.Map.entry("ARMED", 1L), java.util.Map.entry("FIRED", 1L), java.util.Map.entry("PAUSED", 1L),
                java.util.Map.entry("EXPIRED", 0L));
        assertThat(result.pushes().pending()).isEqualTo(1);
        assertThat(result.pushes().pendingCapped()).isFalse();
    }

    @Test
    void showsEveryStateEvenWithoutAlerts() {
        assertThat(stats.stats().alerts()).containsOnlyKeys("ARMED", "FIRED", "PAUSED", "EXPIRED").containsValues(0L);
    }

    @Test
    void reportsTheJournalsPushOutcomesLagAndLastIngestionPerProvider() {
        journal.recordPush(attempt(NOW.minusSeconds(10), NOW.minusSeconds(8), DeliveryResult.delivered()));
        journal.recordPush(attempt(NOW.minusSeconds(10), NOW.minusSeconds(5), new DeliveryResult.Failed("HTTP 502")));
        journal.recordIngestion(new IngestionReport(NOW.minusSeconds(62), NOW.minusSeconds(60), List.of(
                new ProviderRun("frankfurter", NOW.minusSeconds(61), 0, 1, 3, 1, null)), 3, 0));

        AdminStats result = stats.stats();

        assertThat(result.pushes().windowHours()).isEqualTo(24);
        assertThat(result.pushes().sent()).isEqualTo(1);
        assertThat(result.pushes().failed()).isEqualTo(1);
        assertThat(result.pushes().lag()).isEqualTo(new AdminStats.Lag(1, 2000L, 2000L, 2000L));
        assertThat(result.ingestion().lastRunAt()).isEqualTo("2026-11-25T11:59:00Z");
        assertThat(result.ingestion().providers()).containsExactly(
                new AdminStats.ProviderStatus("frankfurter", "2026-11-25T11:58:59Z", 3, 1, null));
    }

    @Test
    void capsThePendingCountInsteadOfReadingEveryPendingPush() {
        for (int i = 0; i < StatsService.PENDING_COUNT_CAP + 5; i++) {
            alerts.add(Alerts.firedPending("p" + i, "u1", 101, "USD/KRW", "1400", NOW.minusSeconds(i)));
        }

        AdminStats.Pushes pushes = stats.stats().pushes();

        assertThat(pushes.pending()).isEqualTo(StatsService.PENDING_COUNT_CAP);
        assertThat(pushes.pendingCapped()).isTrue();
    }
}
