package dev.fxalert.admin.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How one push attempt for a fired alert ended; evaluation's sender reports it through
 * {@link OperationsJournal#recordPush(PushOutcome)}.
 *
 * @param eventAt    when the alert fired, seconds after the rate event was published (not the rate's observation
 *                   time, which for a daily reference rate is hours earlier)
 * @param finishedAt when Telegram answered (or the attempt gave up)
 * @param reason     why it failed, or null
 */
public record PushOutcome(String alertId, Instant eventAt, Instant finishedAt, Result result, String reason) {

    public enum Result { DELIVERED, FAILED, RECIPIENT_GONE }

    public PushOutcome {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(eventAt, "eventAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(result, "result");
    }

    /** Event-to-push lag; never negative even if clocks of two machines disagree a little. */
    public Duration lag() {
        Duration lag = Duration.between(eventAt, finishedAt);
        return lag.isNegative() ? Duration.ZERO : lag;
    }
}
