package dev.fxalert.admin.journal;

import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fxalert.admin.testing.SendAttempts.attempt;
import static org.assertj.core.api.Assertions.assertThat;

class OperationsJournalTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final OperationsJournal journal = new OperationsJournal(clock, Duration.ofHours(24), 100);

    @Test
    void keepsTheLastRunOfEachProvider() {
        journal.recordIngestion(report(NOW.minusSeconds(600), new ProviderRun("frankfurter", NOW.minusSeconds(600), 0, 1, 3, 0, null),
                new ProviderRun("koreaexim", NOW.minusSeconds(600), 0, 1, 0, 0, "HTTP 503")));
        journal.recordIngestion(report(NOW.minusSeconds(300), new ProviderRun("frankfurter", NOW.minusSeconds(300), 0, 1, 4, 1, null)));

        OperationsJournal.Snapshot snapshot = journal.snapshot();

        assertThat(snapshot.lastIngestionAt()).isEqualTo(NOW.minusSeconds(300));
        assertThat(snapshot.providers()).containsExactly(
                new OperationsJournal.LastRun(new ProviderRun("frankfurter", NOW.minusSeconds(300), 0, 1, 4, 1, null),
                        NOW.minusSeconds(300)),
                new OperationsJournal.LastRun(new ProviderRun("koreaexim", NOW.minusSeconds(600), 0, 1, 0, 0, "HTTP 503"),
                        NOW.minusSeconds(600)));
    }

    @Test
    void aProviderTheRunDidNotCallRanAtTheRunsStart() {
        ProviderRun notNeeded = new ProviderRun("open-er-api", null, 0, 0, 0, 0, null);
        journal.recordIngestion(report(NOW, notNeeded));

        assertThat(journal.snapshot().providers()).containsExactly(new OperationsJournal.LastRun(notNeeded, NOW.minusSeconds(2)));
    }

    @Test
    void countsPushOutcomesOfTheWindowAndSummarisesTheLagOfDeliveredOnes() {
        for (int seconds = 1; seconds <= 20; seconds++) {
            journal.recordPush(delivered(NOW.minusSeconds(60), Duration.ofSeconds(seconds)));
        }
        journal.recordPush(attempt(NOW.minusSeconds(60), NOW, new DeliveryResult.Failed("HTTP 502")));
        journal.recordPush(attempt(NOW.minusSeconds(60), NOW, new DeliveryResult.Rejected("400 Bad Request")));
        journal.recordPush(attempt(NOW.minusSeconds(60), NOW, new DeliveryResult.OutcomeUnknown("timeout")));
        journal.recordPush(attempt(NOW.minusSeconds(60), NOW, new DeliveryResult.RecipientGone("blocked")));
        journal.recordPush(attempt(NOW.minusSeconds(60), NOW, new DeliveryResult.RetryAfter(Duration.ofSeconds(3))));
        journal.recordPush(attempt(NOW.minusSeconds(60), NOW, new DeliveryResult.ChatMigrated(-100L)));

        OperationsJournal.Snapshot snapshot = journal.snapshot();

        assertThat(snapshot.pushesDelivered()).isEqualTo(20);
        assertThat(snapshot.pushesFailed()).isEqualTo(3);
        assertThat(snapshot.pushesRecipientGone()).isEqualTo(1);
        assertThat(snapshot.lag().samples()).isEqualTo(20);
        assertThat(snapshot.lag().p50()).isEqualTo(Duration.ofSeconds(10));
        assertThat(snapshot.lag().p95()).isEqualTo(Duration.ofSeconds(19));
        assertThat(snapshot.lag().max()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void forgetsPushesOlderThanTheWindow() {
        journal.recordPush(delivered(NOW.minus(Duration.ofHours(25)), Duration.ofSeconds(2)));
        journal.recordPush(delivered(NOW.minusSeconds(10), Duration.ofSeconds(3)));

        assertThat(journal.snapshot().pushesDelivered()).isEqualTo(1);

        clock.set(NOW.plus(Duration.ofHours(24)));
        assertThat(journal.snapshot().pushesDelivered()).isZero();
        assertThat(journal.snapshot().lag().p50()).isNull();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfPushes() {
        OperationsJournal small = new OperationsJournal(clock, Duration.ofHours(24), 3);
        for (int i = 0; i < 10; i++) {
            small.recordPush(delivered(NOW.minusSeconds(5), Duration.ofSeconds(1)));
        }

        assertThat(small.snapshot().pushesDelivered()).isEqualTo(3);
    }

    @Test
    void aLagBelowZeroBetweenTwoMachinesClocksCountsAsNone() {
        journal.recordPush(attempt(NOW, NOW.minusSeconds(1), DeliveryResult.delivered()));

        assertThat(journal.snapshot().lag().max()).isEqualTo(Duration.ZERO);
    }

    private static DeliveryReport delivered(Instant firedAt, Duration lag) {
        return attempt(firedAt, firedAt.plus(lag), DeliveryResult.delivered());
    }

    private static IngestionReport report(Instant at, ProviderRun... runs) {
        return new IngestionReport(at.minusSeconds(2), at, List.of(runs), runs.length, 0);
    }
}
