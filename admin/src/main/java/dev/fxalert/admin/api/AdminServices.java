package dev.fxalert.admin.api;

import dev.fxalert.admin.alerts.AlertListing;
import dev.fxalert.admin.broadcast.BroadcastSender;
import dev.fxalert.admin.broadcast.BroadcastService;
import dev.fxalert.admin.digest.DigestScheduling;
import dev.fxalert.admin.ingestion.IngestionControl;
import dev.fxalert.admin.ingestion.IngestionTrigger;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.operator.OperatorActions;
import dev.fxalert.admin.sources.SourcesService;
import dev.fxalert.admin.stats.StatsService;
import dev.fxalert.admin.users.UserLookup;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.UserStore;

import java.time.Clock;
import java.util.Objects;

/** The admin services, wired once and shared by the Lambda router and the Spring controllers. */
public record AdminServices(StatsService stats, UserLookup users, AlertListing alerts, IngestionControl ingestion,
                            BroadcastService broadcast, OperatorActions actions, SourcesService sources,
                            DigestScheduling digests) {

    public AdminServices {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(digests, "digests");
    }

    /**
     * @param schedules   null when this deployment cannot control the schedule (answers 503)
     * @param trigger     null when this deployment cannot run ingestion on demand (answers 503)
     * @param broadcaster null when this deployment cannot broadcast (answers 503)
     * @param rateSources the providers' state for {@code /admin/sources} ({@link RateSources#none()} lists none)
     */
    public static AdminServices wire(UserStore userStore, OperatorAlerts alertStore, AuditLog audit, OperationsJournal journal,
                                     ScheduleManager schedules, IngestionTrigger trigger, BroadcastSender broadcaster,
                                     RateSources rateSources, Clock clock) {
        return wire(userStore, alertStore, audit, journal, schedules, trigger, broadcaster, rateSources, clock,
                schedules, DigestSchedules.GROUP);
    }

    /**
     * @param digestSchedules where {@code POST /admin/digests/schedule} puts the users' digest schedules (issue 15);
     *                        null: it answers 503
     * @param digestGroup     their schedule group
     */
    public static AdminServices wire(UserStore userStore, OperatorAlerts alertStore, AuditLog audit, OperationsJournal journal,
                                     ScheduleManager schedules, IngestionTrigger trigger, BroadcastSender broadcaster,
                                     RateSources rateSources, Clock clock, ScheduleManager digestSchedules,
                                     String digestGroup) {
        return new AdminServices(
                new StatsService(userStore, alertStore, journal, clock),
                new UserLookup(userStore, alertStore),
                new AlertListing(alertStore),
                new IngestionControl(trigger, schedules, journal),
                new BroadcastService(userStore, alertStore, broadcaster),
                new OperatorActions(userStore, alertStore, audit, clock),
                new SourcesService(rateSources, clock),
                new DigestScheduling(userStore, digestSchedules, digestGroup));
    }
}
