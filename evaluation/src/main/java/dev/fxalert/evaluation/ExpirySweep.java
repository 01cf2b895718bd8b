package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.port.EvaluationAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Issue 14: expires the alerts whose expiry has come, on the scheduled path that already runs (the outbox drain,
 * see {@link OutboxDelivery#drain}, and the inline sweep). It reads only what is due ({@link
 * EvaluationAlerts#findExpiring}, an index range read), and each expiry is one conditional write that records the
 * owner's notice as the alert's pending push: the outbox then delivers it once, at least once, like any push. An
 * alert whose push is still pending is left for a later sweep (its push is delivered first); until then
 * evaluation does not fire it ({@link Alert#isExpiredAt}).
 */
public final class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    /** Alerts expired per sweep at most: the next sweep takes the rest. */
    static final int BATCH = 100;

    private final EvaluationAlerts alerts;
    private final Clock clock;

    public ExpirySweep(EvaluationAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /** @return how many alerts this call expired (concurrent sweeps expire each alert once) */
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (Alert alert : alerts.findExpiring(now, BATCH)) {
            if (!alert.pushPending() && alerts.markExpired(alert.id(), Firing.expiryNotice(alert, now))) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("expired {} alerts", expired);
        }
        return expired;
    }
}
