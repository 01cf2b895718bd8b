package dev.fxalert.admin.alerts;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.PushState;

/** An alert as the admin API shows it: decimals as plain strings (never doubles), times as ISO-8601. */
public record AlertView(String id, String userId, long chatId, String pair, String direction, String threshold,
                        String mode, String state, String rearmBand, String createdAt, String firedAt, int fireCount,
                        String note, boolean pushPending, FiringView lastFiring, PushView push) {

    /** The outbox bookkeeping of the last firing's push; {@code deadLetter} is why it was given up, or null. */
    public record PushView(int attempts, String nextAttemptAt, boolean outcomeUnknown, String deadLetter) {
        static PushView of(PushState push) {
            return new PushView(push.attempts(), push.nextAttemptAt() == null ? null : push.nextAttemptAt().toString(),
                    push.outcomeUnknown(), push.deadLetter());
        }
    }

    public record FiringView(String eventId, String rate, String provider, String observedAt, String firedAt) {
        static FiringView of(Firing firing) {
            return firing == null ? null : new FiringView(firing.eventId(), firing.rate().toPlainString(),
                    firing.provider(), firing.observedAt().toString(), firing.firedAt().toString());
        }
    }

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id(), alert.owner().userId(), alert.owner().chatId(), alert.pair().toString(),
                alert.direction().name(), alert.threshold().toPlainString(), alert.mode().name(), alert.state().name(),
                alert.rearmBand().toPlainString(), alert.createdAt().toString(),
                alert.firedAt() == null ? null : alert.firedAt().toString(), alert.fireCount(), alert.note(),
                alert.pushPending(), FiringView.of(alert.lastFiring()), PushView.of(alert.push()));
    }
}
